import { Field, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { IsText, MAX_LENGTH } from './input-rules';

@InputType()
export class AdministrativePenaltyInput {
  @Field(() => CalendarDateScalar)
  imposedOn!: CalendarDate;

  @Field(() => String)
  @IsText(MAX_LENGTH.text)
  description!: string;
}
