import { Field, Int, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import type { StatusPeriodView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { CertificateStatusEnum } from './enums';

@ObjectType({
  description: 'A stretch of days with one status and one revision in force.',
  simpleResolvers: true,
})
export class StatusPeriod {
  @Field(() => CertificateStatusEnum)
  status!: StatusPeriodView['status'];

  @Field(() => CalendarDateScalar)
  from!: CalendarDate;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Null: runs on.' })
  to!: CalendarDate | null;

  @Field(() => Int)
  revision!: number;

  @Field(() => Boolean, { description: 'An EXPIRED period ended by a restoration.' })
  restorationGap!: boolean;
}

export const toStatusPeriodType = (view: StatusPeriodView): StatusPeriod =>
  Object.assign(new StatusPeriod(), { ...view });
