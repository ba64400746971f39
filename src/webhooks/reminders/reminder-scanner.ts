import type { Database } from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { calendarDateIn, type Clock } from '../../application/clock';
import { daysBetween, DEFAULT_POLICY, type CalendarDate } from '../../domain';
import { DeliveryOutbox } from '../deliveries';
import type { WebhookPayload } from '../events';
import { createWebhookSchema } from '../schema';
import { reminderKey, reminderKind, type DeadlineSource, type OpenDeadline } from './open-deadline';
import { reminderPlan, type ReminderThreshold } from './reminder-plan';
import { ReminderRecorder } from './reminder-recorder';

export interface ReminderScannerOptions {
  db: Database;
  deadlines: DeadlineSource;
  clock: Clock;
  /** The CB's time zone: reminders count calendar days there (default UTC). */
  timeZone?: string;
  /** Days before the due date (default the policy's 90, 60, 30, 7). */
  thresholds?: readonly number[];
  /** Deadlines per transaction (default 2000). */
  batchSize?: number;
  /** Called for each reminder recorded, after its transaction commits (a GraphQL subscription). */
  onReminder?: (reminder: WebhookPayload) => void;
}

export interface ScanResult {
  asOf: CalendarDate;
  /** Reminders recorded at the threshold they crossed (each once, ever), and published. */
  recorded: number;
  /** Webhook deliveries queued for them: one per endpoint each reminder matches. */
  deliveries: number;
  /** Recorded reminders that no webhook endpoint takes, so that nothing is sent for them. */
  withoutEndpoint: number;
  /** Thresholds crossed earlier (during an outage), recorded as skipped and never sent. */
  skipped: number;
}

/**
 * Records one reminder per (certificate, deadline, due date, threshold) and queues its
 * deliveries in the same transaction. Safe to run from several processes at once.
 */
export class ReminderScanner {
  private readonly db: Database;
  private readonly options: ReminderScannerOptions;
  private readonly recorder: ReminderRecorder;
  private readonly outbox: DeliveryOutbox;

  constructor(options: ReminderScannerOptions) {
    this.db = options.db;
    this.options = options;
    createWebhookSchema(this.db);
    this.recorder = new ReminderRecorder(this.db);
    this.outbox = new DeliveryOutbox(this.db);
  }

  /**
   * Scans batch by batch, letting other work run between batches (no query stays open), as of
   * `now` (default the clock's): a caller that acted on the day's deadlines first passes the
   * instant it acted at, so both see the same day.
   */
  async scan(now: Date = this.options.clock.now()): Promise<ScanResult> {
    const asOf = calendarDateIn(now, this.options.timeZone ?? 'UTC');
    const result: ScanResult = { asOf, recorded: 0, deliveries: 0, withoutEndpoint: 0, skipped: 0 };
    const batchSize = this.options.batchSize ?? 2000;
    let batch: OpenDeadline[] = [];
    for (const deadline of this.options.deadlines.openDeadlines(asOf)) {
      batch.push(deadline);
      if (batch.length >= batchSize) {
        this.scanBatch(batch, now, asOf, result);
        batch = [];
        await nextTurn();
      }
    }
    this.scanBatch(batch, now, asOf, result);
    return result;
  }

  private scanBatch(batch: OpenDeadline[], now: Date, asOf: CalendarDate, result: ScanResult) {
    if (batch.length === 0) return;
    const thresholds = this.options.thresholds ?? DEFAULT_POLICY.reminderThresholdDays;
    const recorded = this.db
      .transaction(() => {
        const payloads: WebhookPayload[] = [];
        for (const deadline of batch) {
          const kind = reminderKind(deadline.type);
          const daysRemaining = daysBetween(asOf, deadline.dueDate);
          const plan = reminderPlan(daysRemaining, thresholds, kind.overdue !== null);
          if (plan.send === null) continue;
          const { certificateId, dueDate } = deadline;
          const key = reminderKey(deadline);
          if (this.recorder.isRecorded(certificateId, key, dueDate, plan.send)) continue;
          for (const skipped of plan.skip) {
            if (
              this.recorder.recordReminder(
                certificateId,
                key,
                dueDate,
                skipped,
                now.getTime(),
                'skipped',
              )
            ) {
              result.skipped++;
            }
          }
          if (
            !this.recorder.recordReminder(certificateId, key, dueDate, plan.send, now.getTime())
          ) {
            continue;
          }
          const payload = reminderPayload(
            deadline,
            plan.send,
            daysRemaining,
            now,
            kind.due,
            kind.overdue,
          );
          const deliveries = this.outbox.enqueue(
            {
              eventId: `reminder:${certificateId}:${key}:${dueDate}:${plan.send}`,
              organisationId: deadline.organisationId,
              payload,
            },
            now.getTime(),
          );
          result.deliveries += deliveries;
          if (deliveries === 0) {
            result.withoutEndpoint++;
            this.recorder.recordOutcome(certificateId, key, dueDate, plan.send, 'no_endpoint');
          }
          payloads.push(payload);
        }
        return payloads;
      })
      .immediate();
    result.recorded += recorded.length;
    for (const payload of recorded) this.options.onReminder?.(payload);
  }
}

const reminderPayload = (
  deadline: OpenDeadline,
  threshold: ReminderThreshold,
  daysRemaining: number,
  now: Date,
  due: WebhookPayload['type'],
  overdue: WebhookPayload['type'] | null,
): WebhookPayload => ({
  type: threshold === 'overdue' && overdue ? overdue : due,
  timestamp: now.toISOString(),
  data: {
    certificateId: deadline.certificateId,
    organisationId: deadline.organisationId,
    certificateNumber: deadline.certificateNumber ?? null,
    deadlineType: deadline.type,
    deadlineKey: deadline.key,
    subject: deadline.subject ?? null,
    dueDate: deadline.dueDate,
    threshold,
    daysRemaining,
    version: deadline.version ?? null,
  },
});
