import type { Database } from 'better-sqlite3';
import type { Clock } from '../../application/clock';
import type { WebhookEventType } from '../events';
import { createWebhookSchema } from '../schema';
import {
  DeliveryOfDeletedEndpointError,
  RecoveryForDeletedEndpointError,
  UnknownWebhookDeliveryError,
} from '../subscriptions/webhook-errors';
import type {
  DeliveryAttempt,
  DeliveryAttemptOutcome,
  DeliveryStatus,
  WebhookDelivery,
} from './webhook-delivery';

interface DeliveryRow {
  id: number;
  webhook_id: string;
  event_id: string;
  subscription_id: string;
  event_type: string;
  payload: string;
  status: string;
  attempt_count: number;
  next_attempt_at: number | null;
  created_at: number;
  delivered_at: number | null;
  cancelled_at: number | null;
  cancelled_reason: string | null;
  subscription_deleted_at: number | null;
  organisation_id: string | null;
}

interface AttemptRow {
  delivery_id: number;
  attempted_at: number;
  status_code: number | null;
  latency_ms: number;
  response_body: string | null;
  error: string | null;
  succeeded: number;
  /** Null for an attempt recorded before the column. */
  outcome: DeliveryAttemptOutcome | null;
}

export interface DeliveryPageOptions {
  status?: DeliveryStatus;
  /** Page size, 1..100 (default 20). */
  first?: number;
  /** Return deliveries with an id lower than this (newest first). */
  after?: number;
  /** Only the deliveries queued for this organisation (their payload's `data.organisationId`). */
  organisationId?: string;
}

/** Deliveries with the time their endpoint was deleted (null while it exists). */
/** The organisation a delivery was queued for: its payload's `data.organisationId`. */
const PAYLOAD_ORGANISATION = "json_extract(d.payload, '$.data.organisationId')";

const SELECT_DELIVERIES = `SELECT d.*, s.deleted_at AS subscription_deleted_at,
  ${PAYLOAD_ORGANISATION} AS organisation_id
  FROM wh_deliveries d LEFT JOIN wh_subscriptions s ON s.id = d.subscription_id`;

const toAttempt = (row: AttemptRow): DeliveryAttempt => ({
  attemptedAt: new Date(row.attempted_at),
  statusCode: row.status_code,
  latencyMs: row.latency_ms,
  responseBody: row.response_body,
  error: row.error,
  succeeded: row.succeeded === 1,
  outcome: row.outcome ?? (row.status_code === null ? 'unknown' : 'answered'),
});

/** Delivery history and manual re-sending, for the API. */
export class WebhookDeliveries {
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
    createWebhookSchema(db);
  }

  /** Newest first, each with every attempt. */
  list(subscriptionId: string, options: DeliveryPageOptions = {}): WebhookDelivery[] {
    const first = Math.min(Math.max(options.first ?? 20, 1), 100);
    const rows = this.db
      .prepare<
        {
          subscriptionId: string;
          status: string | null;
          after: number;
          first: number;
          organisationId: string | null;
        },
        DeliveryRow
      >(
        `${SELECT_DELIVERIES}
         WHERE d.subscription_id = @subscriptionId AND (@status IS NULL OR d.status = @status)
           AND d.id < @after
           AND (@organisationId IS NULL
             OR ${PAYLOAD_ORGANISATION} = @organisationId)
         ORDER BY d.id DESC LIMIT @first`,
      )
      .all({
        subscriptionId,
        status: options.status ?? null,
        after: options.after ?? Number.MAX_SAFE_INTEGER,
        first,
        organisationId: options.organisationId ?? null,
      });
    return this.withAttempts(rows);
  }

  get(id: number): WebhookDelivery {
    const row = this.db
      .prepare<[number], DeliveryRow>(`${SELECT_DELIVERIES} WHERE d.id = ?`)
      .get(id);
    if (!row) throw new UnknownWebhookDeliveryError(id);
    const [delivery] = this.withAttempts([row]);
    if (!delivery) throw new UnknownWebhookDeliveryError(id);
    return delivery;
  }

  /**
   * Sends the delivery again now, with its original `webhook-id`, on a fresh retry schedule; while
   * an attempt of it is in flight, once that attempt is answered (never two requests at once). A
   * cancelled one is sent too: asking for it by id overrides the cancellation, but not the
   * deletion of its endpoint (`DeliveryOfDeletedEndpointError`, nothing changed).
   */
  resend(id: number): WebhookDelivery {
    const { subscriptionId } = this.get(id);
    this.db
      .transaction(() => {
        const deletedAt = this.db
          .prepare<[string], number | null>('SELECT deleted_at FROM wh_subscriptions WHERE id = ?')
          .pluck()
          .get(subscriptionId);
        if (typeof deletedAt === 'number') {
          throw new DeliveryOfDeletedEndpointError(id, subscriptionId, new Date(deletedAt));
        }
        this.db
          .prepare(
            `UPDATE wh_deliveries SET status = 'pending', attempt_count = 0, next_attempt_at = ?,
               cancelled_at = NULL, cancelled_reason = NULL
             WHERE id = ?`,
          )
          .run(this.clock.now().getTime(), id);
      })
      .immediate();
    return this.get(id);
  }

  /**
   * Re-queues every failed delivery of the endpoint created at or after `since` that its event
   * types and organisation still match (a narrowed endpoint is not sent what it no longer asks
   * for); returns the count. A deleted endpoint's are not (`RecoveryForDeletedEndpointError`,
   * nothing changed).
   */
  recover(subscriptionId: string, since: Date): number {
    return this.db
      .transaction(() => {
        const deletedAt = this.db
          .prepare<[string], number | null>('SELECT deleted_at FROM wh_subscriptions WHERE id = ?')
          .pluck()
          .get(subscriptionId);
        if (typeof deletedAt === 'number') {
          throw new RecoveryForDeletedEndpointError(subscriptionId, new Date(deletedAt));
        }
        return this.db
          .prepare(
            `UPDATE wh_deliveries SET status = 'pending', attempt_count = 0, next_attempt_at = ?
             WHERE subscription_id = ? AND status = 'failed' AND created_at >= ?
               AND EXISTS (SELECT 1 FROM wh_subscriptions s
                 WHERE s.id = wh_deliveries.subscription_id
                   AND EXISTS (SELECT 1 FROM json_each(s.event_types)
                     WHERE value = wh_deliveries.event_type)
                   AND (s.organisation_id IS NULL
                     OR s.organisation_id = json_extract(wh_deliveries.payload, '$.data.organisationId')))`,
          )
          .run(this.clock.now().getTime(), subscriptionId, since.getTime()).changes;
      })
      .immediate();
  }

  private withAttempts(rows: DeliveryRow[]): WebhookDelivery[] {
    const attempts = this.db.prepare<[number], AttemptRow>(
      'SELECT * FROM wh_attempts WHERE delivery_id = ? ORDER BY id',
    );
    return rows.map((row) => ({
      id: row.id,
      webhookId: row.webhook_id,
      eventId: row.event_id,
      subscriptionId: row.subscription_id,
      eventType: row.event_type as WebhookEventType,
      payload: row.payload,
      organisationId: row.organisation_id,
      status: row.status as DeliveryStatus,
      attemptCount: row.attempt_count,
      nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at),
      createdAt: new Date(row.created_at),
      deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at),
      cancelledAt: row.cancelled_at === null ? null : new Date(row.cancelled_at),
      cancelledReason: row.cancelled_reason,
      subscriptionDeletedAt:
        row.subscription_deleted_at === null ? null : new Date(row.subscription_deleted_at),
      attempts: attempts.all(row.id).map(toAttempt),
    }));
  }
}
