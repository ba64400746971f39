import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsIdentifier, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({ description: 'The caller is recorded as the person who accepted the plan.' })
export class AcceptCorrectiveActionPlanInput {
  @Field(() => ID)
  @IsIdentifier()
  auditCycleId!: string;

  @Field(() => ID)
  @IsIdentifier()
  ncId!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  plan!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  acceptedOn?: CalendarDate;
}
