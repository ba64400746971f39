import { Field, ID, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { HIDDEN_FROM_CLIENTS, InternalToStaff } from '../auth';

@ObjectType({ description: 'The review of an application.' })
export class ApplicationReview {
  @Field(() => CalendarDateScalar)
  reviewedOn!: CalendarDate;

  @Field(() => ID, { nullable: true, description: HIDDEN_FROM_CLIENTS })
  @InternalToStaff()
  reviewedBy!: string;

  @Field(() => [String])
  reasons!: string[];
}
