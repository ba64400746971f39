import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { ApplicationReviewOutcomeEnum } from './application-review-outcome';
import { IsIdentifier, IsList, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({ description: 'The application review; the caller is recorded as the reviewer.' })
export class ReviewApplicationInput {
  @Field(() => ID)
  @IsIdentifier()
  auditCycleId!: string;

  @Field(() => ApplicationReviewOutcomeEnum)
  outcome!: 'ACCEPTED' | 'REJECTED';

  @Field(() => [String], { description: 'Why; a rejection needs at least one reason.' })
  @IsList({ nonEmpty: false })
  @IsText(MAX_LENGTH.text, { list: true })
  reasons!: string[];

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  @IsOptional()
  reviewedOn?: CalendarDate;
}
