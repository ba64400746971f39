import { Field, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType()
export class AdministrativePenaltyInput {
  @Field(() => CalendarDateScalar)
  imposedOn!: CalendarDate;

  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  description!: string;
}
