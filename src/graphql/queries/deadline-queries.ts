import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { CalendarDate, DeadlineType } from '../../domain';
import { findAuditCycle, oncePerObject, upcomingDeadlines } from '../../projections';
import type { ApiDependencies } from '../api-dependencies';
import type { RequestContext } from '../auth';
import { type Connection, ConnectionArgs, ConnectionArguments, pageRequest } from '../pagination';
import { CalendarDateScalar } from '../scalars';
import {
  AuditCycle,
  Certificate,
  Deadline,
  DeadlineConnection,
  DeadlineTypeEnum,
  Organisation,
  toAuditCycleType,
  toCertificateType,
  toDeadlineType,
  toOrganisationType,
} from '../types';
import { connectionFromPage, pageInput } from './connection-from-page';
import { requestLoadersOf } from './request-loaders';
import { asOfOrToday, organisationFilter, sameOrganisation } from './read-access';

/**
 * The certificates and organisations deadlines link to come from the read models' caches, which
 * hand the same view to many requests (every dashboard showing the same page): each is converted
 * once, and the objects made are shared (resolvers only read them). Not for views read afresh:
 * each WeakMap entry also costs the garbage collector.
 */
const certificateType = oncePerObject(toCertificateType);
const organisationType = oncePerObject(toOrganisationType);

@Resolver(() => Deadline)
export class DeadlineQueries {
  constructor(private readonly deps: ApiDependencies) {}

  @Authorized()
  @Query(() => DeadlineConnection, {
    description:
      'Deadlines open on `asOf` (default: today) and due within `withinDays` after it, overdue ones too unless excluded; by due date. A CLIENT key sees its own organisation only. An `organisationId` that is not registered is NOT_FOUND (`field` organisationId).',
  })
  upcomingDeadlines(
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: CalendarDate | null,
    @Arg('withinDays', () => Int, { defaultValue: 90 }) withinDays: number,
    @Arg('types', () => [DeadlineTypeEnum], { nullable: true }) types: DeadlineType[] | null,
    @Arg('organisationId', () => ID, { nullable: true }) organisationId: string | null,
    @Arg('includeOverdue', () => Boolean, { defaultValue: true }) includeOverdue: boolean,
    @ConnectionArguments() args: ConnectionArgs,
    @Ctx() { principal }: RequestContext,
  ): Connection<Deadline> {
    const request = pageRequest(args, { name: 'upcomingDeadlines', arity: 3 });
    const date = asOfOrToday(this.deps, asOf);
    const page = upcomingDeadlines(this.deps.readModels, {
      asOf: date,
      withinDays,
      types,
      organisationId: organisationFilter(this.deps, principal, organisationId) ?? null,
      includeOverdue,
      ...pageInput(request),
    });
    return connectionFromPage(page, request, (view) => toDeadlineType(view, date));
  }

  @FieldResolver(() => Certificate, {
    nullable: true,
    description:
      'Null while the certificate is not issued yet (for ever for a deadline of a cycle whose certification was refused before any issue), and as of a date before its first decision (a deadline listed as of then: the certificate did not exist, as in `certificates`). The certificate as `certificate(id)` answers it: its `status` and `deadlines` without `asOf` are today’s, whatever this deadline’s `asOf`.',
  })
  async certificate(
    @Root() deadline: Deadline,
    @Ctx() context: RequestContext,
  ): Promise<Certificate | null> {
    const links = requestLoadersOf(context, this.deps.readModels);
    const view = await links.certificates.load(deadline.certificateId);
    return view && sameOrganisation(view, deadline) && deadline.asOf >= view.firstDecisionDate
      ? certificateType(view)
      : null;
  }

  @FieldResolver(() => Organisation, { nullable: true })
  async organisation(
    @Root() deadline: Deadline,
    @Ctx() context: RequestContext,
  ): Promise<Organisation | null> {
    const links = requestLoadersOf(context, this.deps.readModels);
    const view = await links.organisations.load(deadline.organisationId);
    return view && organisationType(view);
  }

  @FieldResolver(() => AuditCycle, {
    nullable: true,
    description:
      'The audit cycle as `auditCycle(id)` answers it: its `deadlines` without `asOf` are today’s, whatever this deadline’s `asOf`.',
  })
  auditCycle(@Root() deadline: Deadline): AuditCycle | null {
    if (deadline.auditCycleId === null) return null;
    const view = findAuditCycle(this.deps.readModels, deadline.auditCycleId);
    return view && toAuditCycleType(view);
  }
}
