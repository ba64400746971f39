import { Field, ID, ObjectType } from 'type-graphql';
import type { CalendarDate, CertificationOutcome } from '../../domain';
import type { DecisionView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { CertificationOutcomeEnum, DecisionEnum } from './enums';
import { SurveillanceDue } from './surveillance-due';
import { HIDDEN_FROM_CLIENTS, InternalToStaff } from '../auth';

@ObjectType({ description: 'The certification decision of a cycle; grant fields null on refusal.' })
export class CertificationDecision {
  @Field(() => DecisionEnum)
  decision!: 'GRANTED' | 'REFUSED';

  @Field(() => CalendarDateScalar)
  decidedOn!: CalendarDate;

  @Field(() => ID, { nullable: true, description: HIDDEN_FROM_CLIENTS })
  @InternalToStaff()
  decisionMakerId!: string;

  @Field(() => [String])
  reasons!: string[];

  @Field(() => CertificationOutcomeEnum, { nullable: true })
  outcome!: CertificationOutcome | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  effectiveOn!: CalendarDate | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  expiryDate!: CalendarDate | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  previousExpiryDate!: CalendarDate | null;

  @Field(() => [SurveillanceDue])
  surveillanceDue!: SurveillanceDue[];
}

export const toCertificationDecisionType = (view: DecisionView): CertificationDecision =>
  Object.assign(new CertificationDecision(), {
    decision: view.decision,
    decidedOn: view.decidedOn,
    decisionMakerId: view.decisionMakerId,
    reasons: view.reasons,
    outcome: view.granted?.outcome ?? null,
    effectiveOn: view.granted?.effectiveOn ?? null,
    expiryDate: view.granted?.expiryDate ?? null,
    previousExpiryDate: view.granted?.previousExpiryDate ?? null,
    surveillanceDue: (view.granted?.surveillanceDue ?? []).map((due) =>
      Object.assign(new SurveillanceDue(), { number: due.number, dueOn: due.dueOn }),
    ),
  });
