import type { WebhookEventType } from '../events';

export type DisabledReason = 'MANUAL' | 'GONE' | 'FAILING';

/** A subscriber endpoint as the API shows it (never with its secret). */
export interface WebhookSubscription {
  id: string;
  url: string;
  eventTypes: WebhookEventType[];
  /** Only events of this organisation; null: every organisation. */
  organisationId: string | null;
  description: string;
  enabled: boolean;
  /** Why it is disabled: by a person, a 410 answer, or five days without a success. */
  disabledReason: DisabledReason | null;
  createdAt: Date;
  updatedAt: Date;
  lastSuccessAt: Date | null;
  /** First failure since the last success (null while healthy). */
  failingSince: Date | null;
}

export interface CreateWebhookSubscriptionInput {
  url: string;
  eventTypes: readonly string[];
  organisationId?: string | null;
  description?: string;
}

export interface UpdateWebhookSubscriptionInput {
  url?: string;
  eventTypes?: readonly string[];
  organisationId?: string | null;
  description?: string;
}

/** Returned once, at creation or rotation: the only time the secret leaves the service. */
export interface WebhookSubscriptionWithSecret {
  subscription: WebhookSubscription;
  secret: string;
}
