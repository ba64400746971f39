import { Field, InputType } from 'type-graphql';
import type { NonconformityGrade } from '../../domain';
import { NonconformityGradeEnum } from '../types';
import { IsText, MAX_LENGTH } from './input-rules';

@InputType({ description: 'A nonconformity still open at the issuing CB.' })
export class OutstandingNonconformityInput {
  @Field(() => String)
  @IsText(MAX_LENGTH.name)
  reference!: string;

  @Field(() => NonconformityGradeEnum)
  grade!: NonconformityGrade;

  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  description!: string;
}
