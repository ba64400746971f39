import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import {
  certificateDeadlines,
  findAuditCycle,
  findCertificate,
  findOrganisation,
} from '../../projections';
import type { ApiDependencies } from '../api-dependencies';
import type { RequestContext } from '../auth';
import { CalendarDateScalar } from '../scalars';
import {
  AuditCycle,
  Certificate,
  Deadline,
  Organisation,
  toAuditCycleType,
  toCertificateType,
  toDeadlineType,
  toOrganisationType,
} from '../types';
import { asOfOrToday, visibleTo } from './read-access';

@Resolver(() => AuditCycle)
export class AuditCycleQueries {
  constructor(private readonly deps: ApiDependencies) {}

  @Authorized()
  @Query(() => AuditCycle, { nullable: true })
  auditCycle(@Arg('id', () => ID) id: string, @Ctx() { principal }: RequestContext): AuditCycle {
    const view = findAuditCycle(this.deps.readModels, id);
    return toAuditCycleType(visibleTo(principal, view, (c) => c.organisationId, 'audit cycle', id));
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() cycle: AuditCycle): Organisation | null {
    const view = findOrganisation(this.deps.readModels, cycle.organisationId);
    return view && toOrganisationType(view);
  }

  @FieldResolver(() => Certificate, {
    nullable: true,
    description: 'Null until the certificate is issued.',
  })
  certificate(@Root() cycle: AuditCycle): Certificate | null {
    const view = findCertificate(this.deps.readModels, cycle.certificateId);
    return view && toCertificateType(view);
  }

  @FieldResolver(() => [Deadline], {
    description: 'Deadlines this cycle set, met or open, by due date; state as of `asOf`.',
  })
  deadlines(
    @Root() cycle: AuditCycle,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: CalendarDate | null,
  ): Deadline[] {
    return certificateDeadlines(
      this.deps.readModels,
      cycle.certificateId,
      asOfOrToday(this.deps, asOf),
    )
      .filter((deadline) => deadline.auditCycleId === cycle.id)
      .map(toDeadlineType);
  }
}
