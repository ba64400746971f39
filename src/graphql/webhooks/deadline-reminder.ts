import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CalendarDate, DeadlineType } from '../../domain';
import type { WebhookPayload } from '../../webhooks/events';
import { CalendarDateScalar, DateTimeScalar } from '../scalars';
import { DeadlineTypeEnum } from '../types';

/** The pubSub topic; payloads are published with the organisation id as topic id. */
export const DEADLINE_REMINDER = 'DEADLINE_REMINDER';

@ObjectType({
  description:
    'A deadline crossed a reminder threshold (90, 60, 30, 7 days before) or fell overdue.',
})
export class DeadlineReminder {
  @Field(() => String, { description: 'The webhook event type, e.g. `surveillance_audit.due`.' })
  eventType!: string;

  @Field(() => DateTimeScalar)
  remindedAt!: Date;

  @Field(() => ID)
  certificateId!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => String, { nullable: true, description: 'Null while the certificate is not issued.' })
  certificateNumber!: string | null;

  @Field(() => DeadlineTypeEnum)
  deadlineType!: DeadlineType;

  @Field(() => String)
  deadlineKey!: string;

  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field(() => CalendarDateScalar)
  dueDate!: CalendarDate;

  @Field(() => Int, { nullable: true, description: 'Days before the due date; null when overdue.' })
  thresholdDays!: number | null;

  @Field(() => Boolean)
  overdue!: boolean;

  @Field(() => Int, { description: 'Calendar days in the CB time zone; negative when overdue.' })
  daysRemaining!: number;

  @Field(() => Int, { nullable: true, description: "The certificate's version when reminded." })
  version!: number | null;
}

interface ReminderData {
  certificateId: string;
  organisationId: string;
  certificateNumber: string | null;
  deadlineType: DeadlineType;
  deadlineKey: string;
  subject: string | null;
  dueDate: CalendarDate;
  threshold: number | 'overdue';
  daysRemaining: number;
  version: number | null;
}

/** The reminder a `ReminderScanner` payload becomes for `deadlineReminder` subscribers. */
export const deadlineReminderOf = (payload: WebhookPayload): DeadlineReminder => {
  const data = payload.data as unknown as ReminderData;
  return {
    eventType: payload.type,
    remindedAt: new Date(payload.timestamp),
    certificateId: data.certificateId,
    organisationId: data.organisationId,
    certificateNumber: data.certificateNumber,
    deadlineType: data.deadlineType,
    deadlineKey: data.deadlineKey,
    subject: data.subject,
    dueDate: data.dueDate,
    thresholdDays: data.threshold === 'overdue' ? null : data.threshold,
    overdue: data.threshold === 'overdue',
    daysRemaining: data.daysRemaining,
    version: data.version,
  };
};
