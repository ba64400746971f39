import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import { CalendarDateScalar } from '../scalars';
import { DecisionEnum } from '../types';
import { IsIdentifier, IsList, IsText } from './input-rules';
import { MAX_LENGTH } from './max-length';

@InputType({
  description:
    'The certification decision; the caller is the decision maker and must have taken no part in any audit of the cycle.',
})
export class DecideCertificationInput {
  @Field(() => ID)
  @IsIdentifier()
  auditCycleId!: string;

  @Field(() => DecisionEnum)
  decision!: 'GRANTED' | 'REFUSED';

  @Field(() => CalendarDateScalar)
  decidedOn!: CalendarDate;

  @Field(() => [String], { description: 'Why; a refusal needs at least one reason.' })
  @IsList({ nonEmpty: false })
  @IsText(MAX_LENGTH.text, { list: true })
  reasons!: string[];

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description:
      'Grants only (refused with a refusal): when the certificate takes effect; default: the decision ' +
      'date. Never before the decision; a new certificate takes effect before its first surveillance ' +
      'is due (EFFECTIVE_DATE_TOO_LATE), a renewal by the day after the previous expiry, a restoration ' +
      'on the decision, a transfer (when later than its decision) before the next surveillance of its ' +
      'programme is due and by the previous expiry (EFFECTIVE_DATE_TOO_LATE).',
  })
  @IsOptional()
  effectiveOn?: CalendarDate;
}
