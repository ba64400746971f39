/** Every event type a subscriber can choose (Standard Webhooks style: dot-separated). */
export const WEBHOOK_EVENT_TYPES = [
  'certificate.issued',
  'certificate.renewed',
  'certificate.suspended',
  'certificate.reinstated',
  'certificate.withdrawn',
  'certificate.expired',
  'certificate.restored',
  'certificate.scope_changed',
  'certificate.transitioned',
  'surveillance_audit.due',
  'surveillance_audit.overdue',
  'recertification.due',
  'certificate.expiring',
  'nonconformity.response_due',
  'stage2_audit.due',
  'nonconformity.verification_due',
  'certificate.suspension_limit',
  'certificate.restoration_window_closing',
  'certificate.transition_due',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

/** The body of every delivery. `timestamp` is when the fact happened (ISO-8601 UTC). */
export interface WebhookPayload<Data = Record<string, unknown>> {
  type: WebhookEventType;
  timestamp: string;
  data: Data;
}
