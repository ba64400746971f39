import { Field, ID, ObjectType } from 'type-graphql';
import type { AuditKind, CalendarDate, NonconformityGrade } from '../../domain';
import type { NonconformityView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { AuditKindEnum, NonconformityGradeEnum } from './enums';

@ObjectType({ description: 'A nonconformity raised at an audit, with its correction.' })
export class Nonconformity {
  @Field(() => ID, {
    description:
      '`<auditCycleId>:<ncId>`: a nonconformity id names a finding within its cycle only, and another cycle may use it.',
  })
  id!: string;

  @Field(() => ID, {
    description:
      'The nonconformity within its cycle, as `raiseNonconformity` named it and the commands on it take it.',
  })
  ncId!: string;

  @Field(() => ID, { description: 'The audit it was raised at: its `Audit.auditId`.' })
  auditId!: string;

  @Field(() => AuditKindEnum)
  auditKind!: AuditKind;

  @Field(() => NonconformityGradeEnum)
  grade!: NonconformityGrade;

  @Field(() => String)
  clause!: string;

  @Field(() => String)
  description!: string;

  @Field(() => CalendarDateScalar)
  raisedOn!: CalendarDate;

  @Field(() => CalendarDateScalar)
  responseDueOn!: CalendarDate;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description:
      'Majors of a stage 2 (a minor escalated to major too): verified by this date, or stage 2 is repeated (MAJOR_NC_VERIFICATION_LIMIT). Null for other findings, whose only deadline is responseDueOn.',
  })
  verificationLimitOn!: CalendarDate | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  planAcceptedOn!: CalendarDate | null;

  @Field(() => String, { nullable: true })
  plan!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  verifiedOn!: CalendarDate | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  escalatedOn!: CalendarDate | null;
}

export const toNonconformityType = (auditCycleId: string, view: NonconformityView): Nonconformity =>
  Object.assign(new Nonconformity(), {
    id: `${auditCycleId}:${view.ncId}`,
    ncId: view.ncId,
    auditId: view.auditId,
    auditKind: view.auditKind,
    grade: view.grade,
    clause: view.clause,
    description: view.description,
    raisedOn: view.raisedOn,
    responseDueOn: view.responseDueOn,
    verificationLimitOn: view.verificationLimitOn,
    planAcceptedOn: view.planAcceptedOn,
    plan: view.plan,
    verifiedOn: view.verifiedOn,
    escalatedOn: view.escalatedOn,
  });
