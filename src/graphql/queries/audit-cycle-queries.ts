import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import {
  auditsOfCycle,
  certificateDeadlines,
  findAuditCycle,
  findCertificate,
  findOrganisation,
  nonconformitiesOfCycle,
} from '../../projections';
import type { ApiDependencies } from '../api-dependencies';
import type { RequestContext } from '../auth';
import { CalendarDateScalar } from '../scalars';
import {
  Audit,
  AuditCycle,
  Certificate,
  Deadline,
  Nonconformity,
  Organisation,
  toAuditCycleType,
  toAuditType,
  toCertificateType,
  toDeadlineType,
  toNonconformityType,
  toOrganisationType,
} from '../types';
import { asOfOrToday, sameOrganisation, visibleTo } from './read-access';

@Resolver(() => AuditCycle)
export class AuditCycleQueries {
  constructor(private readonly deps: ApiDependencies) {}

  @Authorized()
  @Query(() => AuditCycle, { nullable: true })
  auditCycle(@Arg('id', () => ID) id: string, @Ctx() { principal }: RequestContext): AuditCycle {
    const view = findAuditCycle(this.deps.readModels, id);
    return toAuditCycleType(visibleTo(principal, view, (c) => c.organisationId, 'AuditCycle', id));
  }

  @FieldResolver(() => [Audit], { description: 'In the order planned.' })
  audits(@Root() cycle: AuditCycle): Audit[] {
    return auditsOfCycle(this.deps.readModels, cycle.id).map((audit) =>
      toAuditType(cycle.id, audit),
    );
  }

  @FieldResolver(() => [Nonconformity], { description: 'In the order raised.' })
  nonconformities(@Root() cycle: AuditCycle): Nonconformity[] {
    return nonconformitiesOfCycle(this.deps.readModels, cycle.id).map((nc) =>
      toNonconformityType(cycle.id, nc),
    );
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() cycle: AuditCycle): Organisation | null {
    const view = findOrganisation(this.deps.readModels, cycle.organisationId);
    return view && toOrganisationType(view);
  }

  @FieldResolver(() => Certificate, {
    nullable: true,
    description:
      'Null until the certificate is issued (for ever in a cycle whose certification was refused, unless the cycle renews an issued certificate).',
  })
  certificate(@Root() cycle: AuditCycle): Certificate | null {
    const view = findCertificate(this.deps.readModels, cycle.certificateId);
    return view && sameOrganisation(view, cycle) ? toCertificateType(view) : null;
  }

  @FieldResolver(() => [Deadline], {
    description:
      'Deadlines this cycle set, met or open, by due date; state as of `asOf` (default: today in the CB time zone, wherever the cycle is reached).',
  })
  deadlines(
    @Root() cycle: AuditCycle,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: CalendarDate | null,
  ): Deadline[] {
    const date = asOfOrToday(this.deps, asOf);
    return certificateDeadlines(this.deps.readModels, cycle.certificateId, date)
      .filter((deadline) => deadline.auditCycleId === cycle.id)
      .map((deadline) => toDeadlineType(deadline, date));
  }
}
