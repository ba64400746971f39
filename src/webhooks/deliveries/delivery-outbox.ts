import type { Database, Statement } from 'better-sqlite3';
import type { WebhookPayload } from '../events';
import { createWebhookSchema } from '../schema';
import { webhookMessageId } from './webhook-message-id';

export interface OutboxMessage {
  /** Unique id of the fact (an event id, or a reminder key). */
  eventId: string;
  organisationId: string | null;
  payload: WebhookPayload;
}

/**
 * Inserts one delivery per matching subscription (event type and organisation filter, created by
 * the message's timestamp, not deleted), enabled or not: a disabled one's deliveries wait until it
 * is enabled again, so a pause loses nothing; an endpoint gets nothing from before it was created,
 * though fan-out runs late (switched off, or catching up after a restart).
 * Idempotent: a delivery is unique per (event, subscription). Call inside the caller's
 * transaction so the rows commit with whatever caused them.
 */
export class DeliveryOutbox {
  private readonly matching: Statement<[string, string | null, number], { id: string }>;
  private readonly insert: Statement<[string, string, string, string, string, number, number]>;

  constructor(db: Database) {
    createWebhookSchema(db);
    this.matching = db.prepare(
      `SELECT id FROM wh_subscriptions
       WHERE EXISTS (SELECT 1 FROM json_each(event_types) WHERE value = ?)
         AND (organisation_id IS NULL OR organisation_id = ?) AND created_at <= ?
         AND deleted_at IS NULL`,
    );
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO wh_deliveries
         (webhook_id, event_id, subscription_id, event_type, payload, status, next_attempt_at,
          created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
    );
  }

  /** Returns the number of deliveries created. */
  enqueue(message: OutboxMessage, nowMs: number): number {
    const subscriptions = this.matching.all(
      message.payload.type,
      message.organisationId,
      Date.parse(message.payload.timestamp),
    );
    if (subscriptions.length === 0) return 0;
    const body = JSON.stringify(message.payload);
    let created = 0;
    for (const { id } of subscriptions) {
      created += this.insert.run(
        webhookMessageId(message.eventId, id),
        message.eventId,
        id,
        message.payload.type,
        body,
        nowMs,
        nowMs,
      ).changes;
    }
    return created;
  }
}
