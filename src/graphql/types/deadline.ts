import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CalendarDate, DeadlineState, DeadlineType } from '../../domain';
import type { DeadlineView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { DeadlineStateEnum, DeadlineTypeEnum } from './enums';

/**
 * Its state, `daysRemaining`, `metOn`, `closesOn` and `certificate` are those of `asOf`, so the
 * as-of date is part of its `id`: a client cache keyed by type and id keeps each date's apart.
 */
@ObjectType({
  description:
    'Something that falls due, as of the date it was asked for (`asOf`); one deadline as of another date is another object (`id`).',
})
export class Deadline {
  @Field(() => ID, {
    description:
      '`<aggregateId>:<key>@<asOf>`: unique across deadlines and the dates they are asked for. The deadline itself, whatever the date: `aggregateId` and `key`.',
  })
  id!: string;

  @Field(() => String, {
    description:
      'Unique within the aggregate, e.g. `SURVEILLANCE_AUDIT_DUE:1`, `MAJOR_NC_VERIFICATION_LIMIT:<stage 2 audit id>` (its majors raised so), `MAJOR_NC_VERIFICATION_LIMIT:<stage 2 audit id>:<ncId>` (a minor escalated to major).',
  })
  key!: string;

  @Field(() => DeadlineTypeEnum)
  type!: DeadlineType;

  @Field(() => CalendarDateScalar)
  dueDate!: CalendarDate;

  @Field(() => CalendarDateScalar, {
    description:
      'When the fact that set it happened (a decision, an audit, a finding, a suspension, an expiry): as of an earlier date the deadline is not listed.',
  })
  openedOn!: CalendarDate;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description:
      'The day it was met, when that was on or before the as-of date; null unless the state is MET.',
  })
  metOn!: CalendarDate | null;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description:
      'Null unless the state is ENDED, as `metOn` is unless MET: as of an earlier date the day it ends may not be known yet, or may still move. The day it ended by itself when nothing met it (a restoration window, the day after its last day; the limit of a suspension still running when the certificate expires, the day after the expiry date; the expiry, the recertification audit and what the audit cycles still have open of a certificate whose term runs out unrenewed and unrestored, the day it can no longer be restored, whether or not its expiry is recorded yet: the day after its restoration window, or the day after its expiry date when none is possible; a transition deadline no transition or renewal met, the day after the expiry of the last revision to the old version; the expiry and recertification audit of a term capped by a transition end, the decision of the transition that lifts the cap; a stage-2 deadline no stage 2 met, the last day of the repeated stage 1; a major-NC verification limit missed, the last day of the repeated stage 2; the response to a finding of a stage audit that was repeated, unanswered by then, the last day of the repeat; whatever a withdrawal leaves open apart from the expiry and a suspension limit, which it meets, the withdrawal day; whatever an audit cycle whose certification was refused left open, the refusal day); from then on its state is ENDED (MET only when it was met before that day).',
  })
  closesOn!: CalendarDate | null;

  @Field(() => String, { description: 'What falls due, in words.' })
  subject!: string;

  @Field(() => DeadlineStateEnum)
  state!: DeadlineState;

  @Field(() => Int, {
    description:
      'Days from the as-of date to the due date; negative: the due date has passed, which makes an open deadline OVERDUE (a MET or ENDED one keeps its count: see `state`).',
  })
  daysRemaining!: number;

  @Field(() => ID, { description: 'The certificate or audit cycle whose rules set it.' })
  aggregateId!: string;

  @Field(() => ID)
  certificateId!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID, { nullable: true })
  auditCycleId!: string | null;

  @Field(() => CalendarDateScalar, {
    description: 'The date its state is as of: the list’s `asOf`, or today without one.',
  })
  asOf!: CalendarDate;
}

export const toDeadlineType = (view: DeadlineView, asOf: CalendarDate): Deadline =>
  Object.assign(new Deadline(), {
    id: `${view.aggregateId}:${view.key}@${asOf}`,
    key: view.key,
    type: view.type,
    dueDate: view.dueDate,
    openedOn: view.openedOn,
    metOn: view.metOn,
    closesOn: view.closesOn,
    subject: view.subject,
    state: view.state,
    daysRemaining: view.daysRemaining,
    aggregateId: view.aggregateId,
    certificateId: view.certificateId,
    organisationId: view.organisationId,
    auditCycleId: view.auditCycleId,
    asOf,
  });
