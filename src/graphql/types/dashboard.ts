import { Field, Int, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import type { Dashboard as DashboardView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { DeadlineCounts } from './deadline-counts';
import { StatusCount } from './status-count';

@ObjectType({ description: 'Counts for a dashboard, as of a date.' })
export class Dashboard {
  @Field(() => CalendarDateScalar)
  asOf!: CalendarDate;

  @Field(() => Int, { description: 'Window of `upcoming`, in days after the as-of date.' })
  withinDays!: number;

  @Field(() => [StatusCount], {
    description:
      'Certificates decided on or before the as-of date, by status on it (DRAFT: decided, not yet in force); one first decided later is not counted.',
  })
  certificatesByStatus!: StatusCount[];

  @Field(() => [DeadlineCounts])
  deadlinesByType!: DeadlineCounts[];
}

export const toDashboardType = (view: DashboardView): Dashboard =>
  Object.assign(new Dashboard(), {
    asOf: view.asOf,
    withinDays: view.withinDays,
    certificatesByStatus: Object.entries(view.certificatesByStatus).map(([status, count]) =>
      Object.assign(new StatusCount(), { status, count }),
    ),
    deadlinesByType: view.deadlinesByType.map((counts) =>
      Object.assign(new DeadlineCounts(), counts),
    ),
  });
