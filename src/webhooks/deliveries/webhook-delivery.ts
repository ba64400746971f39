import type { WebhookEventType } from '../events';

/**
 * `cancelled`: the endpoint was narrowed to no longer take it, or deleted, before it was
 * delivered; it is never attempted again (an attempt in flight then is recorded, and a 2xx to it
 * delivers it).
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

/**
 * What the receiver got of an attempt: `answered` (a response came), `no_answer` (the whole request
 * was sent, but no complete response came in time or the connection closed first: the receiver
 * may have it), `not_sent` (the request was not made or not completely sent: the receiver does not
 * have it), `unknown` (the service stopped while it was in flight, or it was recorded unanswered
 * before outcomes were: the receiver may have it).
 */
export type DeliveryAttemptOutcome = 'answered' | 'no_answer' | 'not_sent' | 'unknown';

export interface DeliveryAttempt {
  attemptedAt: Date;
  /**
   * The status line's code; null when none came (timeout, refused address, connection error).
   * A `no_answer` one came with a body that did not end in time: it answers nothing.
   */
  statusCode: number | null;
  latencyMs: number;
  /** The first bytes of the response body. */
  responseBody: string | null;
  error: string | null;
  succeeded: boolean;
  outcome: DeliveryAttemptOutcome;
}

export interface WebhookDelivery {
  id: number;
  /** The `webhook-id` header: stable across retries, resends and recoveries. */
  webhookId: string;
  eventId: string;
  subscriptionId: string;
  eventType: WebhookEventType;
  /** The exact JSON body sent. */
  payload: string;
  /** The organisation it was queued for (its payload's `data.organisationId`). */
  organisationId: string | null;
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  /** Why it was cancelled, e.g. `the endpoint no longer takes certificate.issued`. */
  cancelledReason: string | null;
  /** When its endpoint was deleted; null while the endpoint exists. */
  subscriptionDeletedAt: Date | null;
  attempts: DeliveryAttempt[];
}
