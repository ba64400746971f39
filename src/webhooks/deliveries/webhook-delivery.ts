import type { WebhookEventType } from '../events';

/**
 * `cancelled`: the endpoint was narrowed to no longer take it, or deleted, before it was
 * delivered; it is never attempted again (an attempt in flight then is recorded, and a 2xx to it
 * delivers it).
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface DeliveryAttempt {
  attemptedAt: Date;
  /** Null when no response came (timeout, refused address, connection error). */
  statusCode: number | null;
  latencyMs: number;
  /** The first bytes of the response body. */
  responseBody: string | null;
  error: string | null;
  succeeded: boolean;
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
