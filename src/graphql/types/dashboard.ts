import { Field, Int, ObjectType } from 'type-graphql';
import type { CalendarDate, CertificateStatus, DeadlineType } from '../../domain';
import type { Dashboard as DashboardView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { CertificateStatusEnum, DeadlineTypeEnum } from './enums';

@ObjectType({ description: 'How many certificates have a status on the as-of date.' })
export class StatusCount {
  @Field(() => CertificateStatusEnum)
  status!: CertificateStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Deadlines of one type by state on the as-of date.' })
export class DeadlineCounts {
  @Field(() => DeadlineTypeEnum)
  type!: DeadlineType;

  @Field(() => Int, { description: 'Open and due within the window after the as-of date.' })
  upcoming!: number;

  @Field(() => Int)
  dueToday!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Int, { description: 'Met on or before the as-of date.' })
  met!: number;
}

@ObjectType({ description: 'Counts for a dashboard, as of a date.' })
export class Dashboard {
  @Field(() => CalendarDateScalar)
  asOf!: CalendarDate;

  @Field(() => Int, { description: 'Window of `upcoming`, in days after the as-of date.' })
  withinDays!: number;

  @Field(() => [StatusCount])
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
