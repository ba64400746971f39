import type { WebhookEventType } from '../events';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

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
  attempts: DeliveryAttempt[];
}
