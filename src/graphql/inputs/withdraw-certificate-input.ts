import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsIdentifier, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({ description: 'Withdrawal is final for the certificate.' })
export class WithdrawCertificateInput {
  @Field(() => ID)
  @IsIdentifier()
  certificateId!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  reason!: string;

  @Field(() => Boolean)
  ownFault!: boolean;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  withdrawnOn?: CalendarDate;
}
