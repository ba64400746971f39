import { randomBytes } from 'node:crypto';
import { SqliteEventStore, type NewEvent } from '../../src/eventstore';
import {
  DeliveryOutbox,
  SecretBox,
  WebhookDeliveries,
  WebhookDispatcher,
  WebhookSubscriptions,
  createGuardedAgents,
  webhookMessageId,
} from '../../src/webhooks';
import { systemClock } from '../../src/application/clock';
import { temporaryDirectory } from '../eventstore/temp-store';
import { certificateIssued, certificateSuspended } from './support/certificate-events';
import { runChild } from './support/child';
import { Receiver } from './support/receiver';
import { openWebhookDatabase } from './support/webhook-kit';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

interface Filter {
  id: string;
  types: string[];
  organisationId: string | null;
}

const webhookTypes: Record<string, string> = {
  CertificateIssued: 'certificate.issued',
  CertificateSuspended: 'certificate.suspended',
};

describe('webhook delivery across crashes', () => {
  it('delivers every committed event to every matching subscription after repeated SIGKILLs mid-dispatch', async () => {
    const directory = temporaryDirectory('webhook-crash');
    const eventsFile = directory.file('events.db');
    const webhooksFile = directory.file('webhooks.db');
    const key = randomBytes(32);
    const store = new SqliteEventStore(eventsFile);
    const db = openWebhookDatabase(webhooksFile);
    const receiver = await Receiver.start();
    receiver.respond = () => ({ status: 200, delayMs: 5 + Math.floor(Math.random() * 15) });
    try {
      const subscriptions = new WebhookSubscriptions({
        db,
        clock: systemClock,
        secrets: new SecretBox(key),
        allowHttp: true,
        allowedAddresses: ['127.0.0.1'],
      });
      const filters: Filter[] = [
        { types: ['certificate.issued', 'certificate.suspended'], organisationId: null },
        { types: ['certificate.suspended'], organisationId: 'org-1' },
        { types: ['certificate.issued'], organisationId: 'org-2' },
      ].map(({ types, organisationId }, i) => {
        const { subscription, secret } = subscriptions.create({
          url: receiver.url(`/endpoint-${i}`),
          eventTypes: types,
          organisationId,
        });
        receiver.expect(`/endpoint-${i}`, secret);
        return { id: subscription.id, types, organisationId };
      });

      const committed: { event: NewEvent; organisationId: string }[] = [];
      let certificates = 0;
      const appendSome = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const id = `c${++certificates}`;
          const organisationId = `org-${certificates % 3}`;
          const events = [certificateIssued(id, organisationId), certificateSuspended(id)];
          await store.appendToStream(`certificate-${id}`, events);
          for (const event of events) committed.push({ event, organisationId });
        }
      };
      const expectedIds = () =>
        committed.flatMap(({ event, organisationId }) =>
          filters
            .filter(
              (f) =>
                f.types.includes(webhookTypes[event.type]!) &&
                (f.organisationId === null || f.organisationId === organisationId),
            )
            .map((f) => webhookMessageId(event.id, f.id)),
        );

      const args = [eventsFile, webhooksFile, key.toString('hex')];
      for (let round = 0; round < 4; round++) {
        await appendSome(15);
        const child = runChild('dispatch-service.ts', args);
        await child.waitFor('ready', () => child.lines.includes('ready'));
        const before = receiver.received.length;
        await appendSome(5);
        await child.waitFor('some deliveries', () => receiver.received.length >= before + 12);
        child.kill();
        expect((await child.exited).signal).toBe('SIGKILL');
      }

      const survivor = runChild('dispatch-service.ts', args);
      const expected = expectedIds();
      await survivor.waitFor(
        'every expected delivery',
        () => new Set(receiver.acceptedIds()).size >= new Set(expected).size,
        40_000,
      );
      survivor.kill();
      await survivor.exited;

      const accepted = new Set(receiver.acceptedIds());
      expect(expected.filter((id) => !accepted.has(id))).toEqual([]);
      expect([...accepted].filter((id) => !expected.includes(id))).toEqual([]);
      expect(receiver.rejected).toEqual([]);
      expect(expected.length).toBeGreaterThan(150);
    } finally {
      await receiver.close();
      db.close();
      await store.close();
      directory.remove();
    }
  }, 90_000);

  it.each([
    ['narrowed', 'the endpoint no longer takes certificate.issued'],
    ['deleted', 'the endpoint was deleted'],
  ] as const)(
    'records as unanswered, once started again, the attempt a killed dispatcher left in flight of a delivery cancelled meanwhile (endpoint %s), and never sends it again',
    async (change, reason) => {
      const directory = temporaryDirectory('webhook-unanswered');
      const webhooksFile = directory.file('webhooks.db');
      const key = randomBytes(32);
      const db = openWebhookDatabase(webhooksFile);
      const receiver = await Receiver.start();
      let requests = 0;
      receiver.respond = () => {
        requests++;
        return { status: 204, held: new Promise<void>(() => undefined) };
      };
      const agents = createGuardedAgents({ allowedAddresses: ['127.0.0.1'] });
      try {
        const secrets = new SecretBox(key);
        const subscriptions = new WebhookSubscriptions({
          db,
          clock: systemClock,
          secrets,
          allowHttp: true,
          allowedAddresses: ['127.0.0.1'],
        });
        const deliveries = new WebhookDeliveries(db, systemClock);
        const { subscription, secret } = subscriptions.create({
          url: receiver.url('/held'),
          eventTypes: ['certificate.issued', 'certificate.suspended'],
        });
        receiver.expect('/held', secret);
        const queuedAt = Date.now();
        new DeliveryOutbox(db).enqueue(
          {
            eventId: 'issued-1',
            organisationId: null,
            payload: {
              type: 'certificate.issued',
              timestamp: new Date().toISOString(),
              data: { certificateId: 'cert-1' },
            },
          },
          queuedAt,
        );
        const child = runChild('dispatcher-only.ts', [webhooksFile, key.toString('hex')]);
        await child.waitFor('the request held by the receiver', () => requests > 0);
        const changedAt = Date.now();
        if (change === 'narrowed') {
          subscriptions.update(subscription.id, { eventTypes: ['certificate.suspended'] });
        } else {
          subscriptions.delete(subscription.id);
        }
        child.kill();
        expect((await child.exited).signal).toBe('SIGKILL');

        const restarted = new WebhookDispatcher({
          db,
          clock: systemClock,
          secrets,
          sender: { agents, allowHttp: true },
        });
        const [delivery] = deliveries.list(subscription.id);
        expect(delivery).toMatchObject({
          status: 'cancelled',
          cancelledReason: reason,
          attemptCount: 1,
          nextAttemptAt: null,
          deliveredAt: null,
          attempts: [
            {
              statusCode: null,
              succeeded: false,
              responseBody: null,
              error:
                'no answer recorded: the service stopped while this attempt was in flight, so the receiver may or may not have it',
            },
          ],
        });
        const attemptedAt = delivery!.attempts[0]!.attemptedAt.getTime();
        expect(attemptedAt).toBeGreaterThanOrEqual(queuedAt);
        expect(attemptedAt).toBeLessThanOrEqual(changedAt);
        expect(await restarted.dispatchDue()).toBe(0);
        new WebhookDispatcher({ db, clock: systemClock, secrets, sender: { agents } });
        expect(deliveries.get(delivery!.id).attempts).toHaveLength(1);
        expect(requests).toBe(1);
      } finally {
        agents.destroy();
        await receiver.close();
        db.close();
        directory.remove();
      }
    },
    30_000,
  );
});
