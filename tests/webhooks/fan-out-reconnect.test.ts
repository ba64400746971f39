import { EventStoreDBEventStore, type NewEvent, type Reconnecting } from '../../src/eventstore';
import { WebhookFanOut } from '../../src/webhooks';
import { FakeEventStoreDBClient } from '../eventstore/eventstoredb/fake-eventstoredb-client';
import { certificateIssued, certificateSuspended } from './support/certificate-events';
import { webhookKit } from './support/webhook-kit';

jest.mock('request-filtering-agent', () =>
  jest.requireActual<{ real(): unknown }>('./support/request-filtering-agent').real(),
);

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  if (!condition()) throw new Error('condition not reached');
};

describe('webhook fan-out over EventStoreDB, when the connection is lost', () => {
  let kit: ReturnType<typeof webhookKit>;
  let fanOut: WebhookFanOut;
  afterEach(async () => {
    await fanOut.close();
    kit.close();
  });

  it('fans out what was recorded meanwhile once the store is back, each event once', async () => {
    kit = webhookKit();
    const client = new FakeEventStoreDBClient();
    const store = new EventStoreDBEventStore(client);
    const states: (Reconnecting | null)[] = [];
    fanOut = new WebhookFanOut({
      store,
      db: kit.db,
      clock: kit.clock,
      reconnect: { backoff: { initialMs: 1, maxMs: 4 }, onReconnecting: (s) => states.push(s) },
    });
    kit.subscriptions.create({
      url: 'https://hooks.example.com/x',
      eventTypes: ['certificate.issued', 'certificate.suspended'],
      organisationId: null,
    });
    const issued = certificateIssued('c1', 'org-acme');
    await store.appendToStream('certificate-c1', [issued]);
    await fanOut.start();
    const eventIds = () =>
      kit.db.prepare('SELECT event_id FROM wh_deliveries ORDER BY id').pluck().all();
    expect(eventIds()).toEqual([issued.id]);

    client.serverDown();
    await waitFor(() => states.length >= 2);
    const recordedMeanwhile: NewEvent = certificateSuspended('c1');
    const { type, data, id } = recordedMeanwhile;
    client.record('certificate-c1', type, data, { recordedAt: kit.clock.now().toISOString() }, id);
    client.serverBack();
    await waitFor(() => states.at(-1) === null);
    expect(eventIds()).toEqual([issued.id, id]);

    const live = certificateIssued('c2', 'org-acme');
    await store.appendToStream('certificate-c2', [live]);
    await waitFor(() => eventIds().length === 3);
    expect(eventIds()).toEqual([issued.id, id, live.id]);
  });
});
