import type { Database, Statement } from 'better-sqlite3';
import type { CalendarDate } from '../../domain';
import { createWebhookSchema } from '../schema';
import type { ReminderThreshold } from './reminder-plan';

/**
 * What became of a reminder: `sent`, queued for at least one webhook endpoint; `no_endpoint`,
 * recorded (and published to GraphQL subscribers) but taken by no endpoint, so nothing is sent;
 * `skipped`, a threshold crossed during an outage, never sent. Rows recorded before
 * `no_endpoint` existed say `sent` either way.
 */
export type ReminderOutcome = 'sent' | 'no_endpoint' | 'skipped';

type Key = [string, string, string, string];

/**
 * The reminders already decided. The primary key (certificate, deadline key, due date,
 * threshold) makes each one exactly once, whatever the number of scanners; a moved due date is
 * a new key, so it gets its own reminders.
 */
export class ReminderRecorder {
  private readonly insert: Statement<[...Key, string, number]>;
  private readonly exists: Statement<Key, { found: number }>;
  private readonly outcome: Statement<[ReminderOutcome, ...Key]>;

  constructor(db: Database) {
    createWebhookSchema(db);
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO wh_reminders
         (certificate_id, deadline_key, due_date, threshold, outcome, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.exists = db.prepare(
      `SELECT 1 AS found FROM wh_reminders
       WHERE certificate_id = ? AND deadline_key = ? AND due_date = ? AND threshold = ?`,
    );
    this.outcome = db.prepare(
      `UPDATE wh_reminders SET outcome = ?
       WHERE certificate_id = ? AND deadline_key = ? AND due_date = ? AND threshold = ?`,
    );
  }

  /** True when this call recorded it; false when it was already recorded (by anyone). */
  recordReminder(
    certificateId: string,
    deadlineKey: string,
    dueDate: CalendarDate,
    threshold: ReminderThreshold,
    nowMs: number,
    outcome: ReminderOutcome = 'sent',
  ): boolean {
    return (
      this.insert.run(certificateId, deadlineKey, dueDate, String(threshold), outcome, nowMs)
        .changes === 1
    );
  }

  isRecorded(
    certificateId: string,
    deadlineKey: string,
    dueDate: CalendarDate,
    threshold: ReminderThreshold,
  ): boolean {
    return this.exists.get(certificateId, deadlineKey, dueDate, String(threshold)) !== undefined;
  }

  /** Corrects a recorded reminder's outcome once its deliveries are known. */
  recordOutcome(
    certificateId: string,
    deadlineKey: string,
    dueDate: CalendarDate,
    threshold: ReminderThreshold,
    outcome: ReminderOutcome,
  ): void {
    this.outcome.run(outcome, certificateId, deadlineKey, dueDate, String(threshold));
  }
}
