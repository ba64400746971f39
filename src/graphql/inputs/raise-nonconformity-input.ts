import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate, NonconformityGrade } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { NonconformityGradeEnum } from '../types';
import { IsIdentifier, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({ description: 'A finding of a completed audit (ISO/IEC 17021-1 3.12, 3.13).' })
export class RaiseNonconformityInput {
  @Field(() => ID)
  @IsIdentifier()
  auditCycleId!: string;

  @Field(() => ID, { nullable: true, description: 'Generated when left out.' })
  @IsOptional()
  @IsIdentifier()
  ncId?: string;

  @Field(() => ID)
  @IsIdentifier()
  auditId!: string;

  @Field(() => NonconformityGradeEnum)
  grade!: NonconformityGrade;

  @Field(() => String, { description: 'The clause of the standard, e.g. 8.2.3.' })
  @IsText(MAX_LENGTH.name)
  clause!: string;

  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  description!: string;

  @Field(() => CalendarDateScalar)
  raisedOn!: CalendarDate;
}
