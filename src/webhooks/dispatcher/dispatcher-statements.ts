import type { Database } from 'better-sqlite3';
import type { SubscriptionRow } from '../subscriptions';

/** A pending delivery with its endpoint. */
export type DueRow = Omit<SubscriptionRow, 'id'> & {
  id: number;
  webhook_id: string;
  payload: string;
  attempt_count: number;
  subscription_id: string;
};

/** The dispatcher's statements on `db`. */
export const dispatcherStatements = (db: Database) => ({
  due: db.prepare<{ now: number; limit: number; busy: string }, DueRow>(
    `SELECT d.id, d.webhook_id, d.payload, d.attempt_count, s.id AS subscription_id, s.url,
       s.event_types, s.organisation_id, s.description, s.enabled, s.disabled_reason, s.secret,
       s.previous_secret, s.previous_secret_expires_at, s.created_at, s.updated_at,
       s.last_success_at, s.failing_since, s.throttled_until
     FROM wh_deliveries d JOIN wh_subscriptions s ON s.id = d.subscription_id
     WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND s.enabled = 1
       AND (s.throttled_until IS NULL OR s.throttled_until <= @now)
       AND (d.in_flight_until IS NULL OR d.in_flight_until <= @now)
       AND s.id NOT IN (SELECT value FROM json_each(@busy))
     ORDER BY d.next_attempt_at, d.id LIMIT @limit`,
  ),
  lease: db.prepare<{ id: number; lease: number; since: number }>(
    `UPDATE wh_deliveries SET next_attempt_at = @lease, in_flight_until = @lease,
       in_flight_since = @since
     WHERE id = @id`,
  ),
  /**
   * A cancelled delivery is never sent again, so an attempt of it a stopped or killed dispatcher
   * left in flight is recorded, unanswered, by the next one (a pending one is sent again instead).
   * It counts as made when claimed; one claimed before `in_flight_since` existed, when cancelled.
   */
  unansweredCancelled: db.prepare<{ error: string }>(
    `INSERT INTO wh_attempts
       (delivery_id, attempted_at, status_code, latency_ms, response_body, error, succeeded,
        outcome)
     SELECT id, coalesce(in_flight_since, cancelled_at), NULL, 0, NULL, @error, 0, 'unknown'
     FROM wh_deliveries WHERE status = 'cancelled' AND in_flight_until IS NOT NULL ORDER BY id`,
  ),
  countUnansweredCancelled: db.prepare(
    `UPDATE wh_deliveries SET attempt_count = attempt_count + 1
     WHERE status = 'cancelled' AND in_flight_until IS NOT NULL`,
  ),
  /**
   * A dispatcher just made has no attempt in flight (one per webhooks database, in the process
   * that owns its data directory): what a stopped or killed one left claimed is free again, also
   * when the clock stands still (`CERTCYCLE_NOW`) and its lease would never lapse.
   */
  releaseAll: db.prepare(
    'UPDATE wh_deliveries SET in_flight_until = NULL WHERE in_flight_until IS NOT NULL',
  ),
  /** The attempt is answered: a resend asked for meanwhile may now be claimed. */
  release: db.prepare<{ id: number; lease: number }>(
    'UPDATE wh_deliveries SET in_flight_until = NULL WHERE id = @id AND in_flight_until = @lease',
  ),
  /** Records nothing for a delivery no longer stored, rather than failing the whole batch. */
  attempt: db.prepare(
    `INSERT INTO wh_attempts
       (delivery_id, attempted_at, status_code, latency_ms, response_body, error, succeeded,
        outcome)
     SELECT @deliveryId, @attemptedAt, @statusCode, @latencyMs, @responseBody, @error, @succeeded,
       @outcome
     WHERE EXISTS (SELECT 1 FROM wh_deliveries WHERE id = @deliveryId)`,
  ),
  /** The attempt in flight when its delivery was cancelled: counted, and delivered on a 2xx. */
  cancelledAnswered: db.prepare<{ now: number; id: number; lease: number; delivered: number }>(
    `UPDATE wh_deliveries SET attempt_count = attempt_count + 1,
       status = CASE WHEN @delivered = 1 THEN 'delivered' ELSE status END,
       delivered_at = CASE WHEN @delivered = 1 THEN @now ELSE delivered_at END
     WHERE id = @id AND status = 'cancelled' AND in_flight_until = @lease`,
  ),
  /** The outcome statements change a delivery only while it is under the attempt's claim. */
  delivered: db.prepare<{ now: number; id: number; lease: number }>(
    `UPDATE wh_deliveries SET status = 'delivered', delivered_at = @now, next_attempt_at = NULL,
       attempt_count = attempt_count + 1
     WHERE id = @id AND status = 'pending' AND next_attempt_at = @lease`,
  ),
  finished: db.prepare<{ status: string; id: number; lease: number }>(
    `UPDATE wh_deliveries SET status = @status, next_attempt_at = NULL,
       attempt_count = attempt_count + 1
     WHERE id = @id AND status = 'pending' AND next_attempt_at = @lease`,
  ),
  retry: db.prepare<{ next: number; id: number; lease: number }>(
    `UPDATE wh_deliveries SET next_attempt_at = @next, attempt_count = attempt_count + 1
     WHERE id = @id AND status = 'pending' AND next_attempt_at = @lease`,
  ),
  /** An answer changes nothing of an endpoint deleted meanwhile (it is disabled, too). */
  succeeded: db.prepare(
    `UPDATE wh_subscriptions SET last_success_at = ?, failing_since = NULL
     WHERE id = ? AND deleted_at IS NULL`,
  ),
  failing: db.prepare(
    `UPDATE wh_subscriptions SET failing_since = coalesce(failing_since, ?)
     WHERE id = ? AND deleted_at IS NULL`,
  ),
  throttle: db.prepare(
    'UPDATE wh_subscriptions SET throttled_until = ? WHERE id = ? AND deleted_at IS NULL',
  ),
  /**
   * An endpoint disabled meanwhile (by hand, say) keeps the reason it was disabled for. `enabled = 1`
   * leaves a deleted endpoint alone too, here and in `disableFailing`: deletion disables it, and it
   * is never enabled again.
   */
  disableGone: db.prepare(
    `UPDATE wh_subscriptions SET enabled = 0, disabled_reason = 'GONE', updated_at = ?
     WHERE id = ? AND enabled = 1`,
  ),
  disableFailing: db.prepare(
    `UPDATE wh_subscriptions SET enabled = 0, disabled_reason = 'FAILING', updated_at = ?
     WHERE id = ? AND enabled = 1 AND failing_since <= ?`,
  ),
});
