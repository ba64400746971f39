import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { dashboard } from '../../projections';
import type { ApiDependencies } from '../api-dependencies';
import type { RequestContext } from '../auth';
import { CalendarDateScalar } from '../scalars';
import { Dashboard, toDashboardType } from '../types';
import { asOfOrToday, organisationFilter } from './read-access';

@Resolver()
export class DashboardQuery {
  constructor(private readonly deps: ApiDependencies) {}

  @Authorized()
  @Query(() => Dashboard, {
    description:
      'Certificates by status and deadlines by type and state on `asOf` (default: today). Deadline counts are per deadline, not per certificate: a certificate to a superseded version that expired after its successor was published and was restored to that version has two TRANSITION_DEADLINE deadlines, the one its expiry ENDED and the one the restoration opened. A CLIENT key counts its own organisation only. An `organisationId` that is not registered is NOT_FOUND (`field` organisationId).',
  })
  dashboard(
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: CalendarDate | null,
    @Arg('withinDays', () => Int, { defaultValue: 90 }) withinDays: number,
    @Arg('organisationId', () => ID, { nullable: true }) organisationId: string | null,
    @Ctx() { principal }: RequestContext,
  ): Dashboard {
    return toDashboardType(
      dashboard(this.deps.readModels, asOfOrToday(this.deps, asOf), {
        withinDays,
        organisationId: organisationFilter(this.deps, principal, organisationId) ?? null,
      }),
    );
  }
}
