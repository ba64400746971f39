import { Field, ID, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import type { CertificateHistoryEntry } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { HIDDEN_FROM_CLIENTS, InternalToStaff } from '../auth';

@ObjectType({ description: 'An event of a certificate or of one of its audit cycles.' })
export class HistoryEntry {
  @Field(() => String, { description: 'Event type, e.g. `CertificateSuspended`.' })
  type!: string;

  @Field(() => CalendarDateScalar, { description: 'The business date of the event.' })
  date!: CalendarDate;

  @Field(() => String, {
    nullable: true,
    description: `Person or system that caused it. ${HIDDEN_FROM_CLIENTS}`,
  })
  @InternalToStaff()
  actor!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => ID, { nullable: true, description: 'Set for events of an audit cycle.' })
  auditCycleId!: string | null;

  @Field(() => Date, { description: 'When the event was recorded.' })
  recordedAt!: Date;
}

export const toHistoryEntryType = (entry: CertificateHistoryEntry): HistoryEntry =>
  Object.assign(new HistoryEntry(), {
    type: entry.type,
    date: entry.date,
    actor: entry.actor,
    summary: entry.summary,
    auditCycleId: entry.auditCycleId,
    recordedAt: new Date(entry.recordedAt),
  });
