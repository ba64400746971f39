import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsIdentifier, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({ description: 'The caller is recorded as the verifier.' })
export class VerifyNonconformityInput {
  @Field(() => ID)
  @IsIdentifier()
  auditCycleId!: string;

  @Field(() => ID)
  @IsIdentifier()
  ncId!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  correction!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  correctiveAction!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  verifiedOn?: CalendarDate;
}
