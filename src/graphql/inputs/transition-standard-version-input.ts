import { IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsIdentifier } from './input-rules';
import { StandardReferenceInput } from './standard-reference-input';

@InputType({ description: 'Revises the certificate to the new version of its standard.' })
export class TransitionStandardVersionInput {
  @Field(() => ID)
  @IsIdentifier()
  certificateId!: string;

  @Field(() => StandardReferenceInput)
  @ValidateNested()
  standard!: StandardReferenceInput;

  @Field(() => CalendarDateScalar)
  decisionDate!: CalendarDate;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: the decision date.' })
  @IsOptional()
  effectiveDate?: CalendarDate;
}
