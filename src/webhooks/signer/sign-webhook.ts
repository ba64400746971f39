import { createHmac } from 'node:crypto';
import { webhookSecretKey } from '../subscriptions/secret-box';

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** `v1,` + base64 HMAC-SHA256 of `${id}.${timestamp}.${body}` (Standard Webhooks, symmetric). */
export const signWebhook = (
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string =>
  'v1,' +
  createHmac('sha256', webhookSecretKey(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');

/** The three Standard Webhooks headers, signed with every given secret (space-separated). */
export const webhookHeaders = (
  secrets: readonly string[],
  id: string,
  sentAt: Date,
  body: string,
): WebhookHeaders => {
  if (secrets.length === 0) throw new RangeError('a webhook needs at least one signing secret');
  const timestamp = Math.floor(sentAt.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signWebhook(s, id, timestamp, body)).join(' '),
  };
};
