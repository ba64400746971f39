import { Field, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';

@ObjectType({ description: 'The withdrawal of a certificate.', simpleResolvers: true })
export class Withdrawal {
  @Field(() => CalendarDateScalar)
  withdrawnOn!: CalendarDate;

  @Field(() => String)
  reason!: string;

  @Field(() => Boolean)
  ownFault!: boolean;
}
