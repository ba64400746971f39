import { Field, InputType } from 'type-graphql';
import type { NonconformityGrade } from '../../domain';
import { NonconformityGradeEnum } from '../types';
import { IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

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
