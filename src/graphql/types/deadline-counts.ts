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

  @Field(() => Int, {
    description:
      'Met on or before the as-of date, those that ended by themselves without being met included (state MET with no metOn: see Deadline.closesOn).',
  })
  met!: number;
}
