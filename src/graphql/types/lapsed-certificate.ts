import { Field, ID, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';

@ObjectType({
  description:
    "The organisation's former certificate, expired and past its restoration window, that a new " +
    'certification follows: it may start at stage 2 (ISO/IEC 17021-1 9.6.3).',
})
export class LapsedCertificate {
  @Field(() => ID)
  certificateId!: string;

  @Field(() => String)
  number!: string;

  @Field(() => CalendarDateScalar)
  expiryDate!: CalendarDate;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description:
      'The last day it could have been restored; null: it could not be (its policy allowed no restoration, or it was suspended when it expired).',
  })
  restorationWindowEnd!: CalendarDate | null;
}
