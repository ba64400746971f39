import { Field, Int, ObjectType } from 'type-graphql';
import type { DeadlineType } from '../../domain';
import { DeadlineTypeEnum } from './enums';

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

  @Field(() => Int, { description: 'Met on or before the as-of date (state MET).' })
  met!: number;

  @Field(() => Int, {
    description:
      'Ended by themselves without being met on or before the as-of date (state ENDED: see Deadline.closesOn).',
  })
  ended!: number;
}
