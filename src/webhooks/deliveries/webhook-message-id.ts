import { createHash } from 'node:crypto';

/** Deterministic `webhook-id`: the same event sent to the same endpoint always has the same id. */
export const webhookMessageId = (eventId: string, subscriptionId: string): string =>
  'msg_' + createHash('sha256').update(`${eventId}\n${subscriptionId}`).digest('hex').slice(0, 32);
