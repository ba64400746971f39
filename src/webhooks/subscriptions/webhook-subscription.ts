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
  /**
   * Whether a CLIENT key of its organisation may see and manage it: one such key created it (or it
   * dates from before this rule). One the CB created for an organisation is the CB's alone.
   */
  clientManaged: boolean;
}

export interface CreateWebhookSubscriptionInput {
  url: string;
  eventTypes: readonly string[];
  organisationId?: string | null;
  description?: string;
  /** Created by a CLIENT key: its organisation's CLIENT keys manage it (default false). */
  clientManaged?: boolean;
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
