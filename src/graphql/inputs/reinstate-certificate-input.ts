import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsIdentifier, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType()
export class ReinstateCertificateInput {
  @Field(() => ID)
  @IsIdentifier()
  certificateId!: string;

  @Field(() => String, { description: 'How the issue that led to the suspension was resolved.' })
  @IsText(MAX_LENGTH.text)
  reason!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  reinstatedOn?: CalendarDate;
}
