import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { SettableClock } from '../../../src/application/clock';
import {
  createGuardedAgents,
  DeliveryOutbox,
  SecretBox,
  WebhookDeliveries,
  WebhookDispatcher,
  WebhookSubscriptions,
  type WebhookDispatcherOptions,
  type WebhookPayload,
} from '../../../src/webhooks';
import { temporaryDirectory } from '../../eventstore/temp-store';

export const openWebhookDatabase = (file: string) => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  return db;
};

/** A webhook database in a temp dir, a settable clock, and the services over them. */
export const webhookKit = (start = '2026-03-02T09:00:00.000Z') => {
  const directory = temporaryDirectory('webhooks');
  const db = openWebhookDatabase(directory.file('webhooks.db'));
  const clock = new SettableClock(start);
  const box = new SecretBox(randomBytes(32));
  const subscriptions = new WebhookSubscriptions({
    db,
    clock,
    secrets: box,
    allowHttp: true,
    allowedAddresses: ['127.0.0.1'],
  });
  const deliveries = new WebhookDeliveries(db, clock);
  const outbox = new DeliveryOutbox(db);
  const agents = createGuardedAgents({ allowedAddresses: ['127.0.0.1'] });
  const dispatcher = (options: Partial<WebhookDispatcherOptions> = {}) =>
    new WebhookDispatcher({
      db,
      clock,
      secrets: box,
      sender: { agents, allowHttp: true },
      random: () => 0.5,
      ...options,
    });
  let sequence = 0;
  const enqueue = (payload: Partial<WebhookPayload> = {}, organisationId: string | null = null) =>
    outbox.enqueue(
      {
        eventId: `event-${++sequence}`,
        organisationId,
        payload: {
          type: 'certificate.issued',
          timestamp: clock.now().toISOString(),
          data: { certificateId: `cert-${sequence}` },
          ...payload,
        },
      },
      clock.now().getTime(),
    );
  const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
  return {
    directory,
    db,
    clock,
    box,
    subscriptions,
    deliveries,
    outbox,
    agents,
    dispatcher,
    enqueue,
    advance,
    close: () => {
      agents.destroy();
      db.close();
      directory.remove();
    },
  };
};
