import { Field, Int, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';

@ObjectType({ description: 'When a surveillance audit of the cycle falls due.' })
export class SurveillanceDue {
  @Field(() => Int)
  number!: number;

  @Field(() => CalendarDateScalar)
  dueOn!: CalendarDate;
}
