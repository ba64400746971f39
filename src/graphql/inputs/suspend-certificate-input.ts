import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate, SuspensionGrounds } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { SuspensionGroundsEnum } from '../types';
import { IsIdentifier, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType()
export class SuspendCertificateInput {
  @Field(() => ID)
  @IsIdentifier()
  certificateId!: string;

  @Field(() => SuspensionGroundsEnum)
  grounds!: SuspensionGrounds;

  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  details!: string;

  @Field(() => Boolean, {
    description: "The client's own fault (some policies bar a new application for a while).",
  })
  ownFault!: boolean;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  suspendedOn?: CalendarDate;
}
