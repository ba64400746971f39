import { Field, ID, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';

@ObjectType({ description: 'The review of an application.' })
export class ApplicationReview {
  @Field(() => CalendarDateScalar)
  reviewedOn!: CalendarDate;

  @Field(() => ID)
  reviewedBy!: string;

  @Field(() => [String])
  reasons!: string[];
}
