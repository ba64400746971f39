import {
  DEFAULT_RECONNECT_BACKOFF,
  EventStoreDBEventStore,
  EventStoreUnavailableError,
  type GlobalPosition,
  type NewEvent,
  type Reconnecting,
  reconnectDelay,
  reconnectingSubscription,
  type RecordedEvent,
} from '../../src/eventstore';
import { FakeEventStoreDBClient } from './eventstoredb/fake-eventstoredb-client';

const uuidFor = (label: string): string =>
  `00000000-0000-4000-8000-${Buffer.from(label).toString('hex').padStart(12, '0')}`;

const newEvent = (label: string): NewEvent => ({
  id: uuidFor(label),
  type: 'CertificateIssued',
  data: { id: label },
  metadata: { correlationId: 'c', actor: 'auditor' },
});

const labelOf = (event: RecordedEvent): string => (event.data as { id: string }).id;

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  if (!condition()) throw new Error('condition not reached');
};

/** Backoff short enough for tests; what is asserted is the order of things, never a duration. */
const QUICK = { initialMs: 1, maxMs: 4 };

/**
 * A follower as the service's are: it handles events after its own checkpoint, catches up by
 * reading the log, and follows it live from the checkpoint.
 */
const follower = async (handle: (event: RecordedEvent) => void = () => undefined) => {
  const client = new FakeEventStoreDBClient();
  const store = new EventStoreDBEventStore(client);
  await store.appendToStream('certificate-1', [newEvent('c1')]);
  await store.appendToStream('certificate-2', [newEvent('c2')]);
  const handled: string[] = [];
  const states: (Reconnecting | null)[] = [];
  let checkpoint: GlobalPosition | null = null;
  const apply = (events: readonly RecordedEvent[], position: GlobalPosition) => {
    for (const event of events) {
      handle(event);
      handled.push(labelOf(event));
    }
    checkpoint = position;
    return Promise.resolve();
  };
  const subscription = reconnectingSubscription({
    backoff: QUICK,
    onReconnecting: (state) => states.push(state),
    subscribe: () => store.subscribe({ after: checkpoint }, apply),
    catchUp: async () => {
      const events = await store.readAll({ after: checkpoint });
      const last = events.at(-1);
      if (last) await apply(events, last.position);
    },
  });
  await waitFor(() => handled.length === 2);
  return { client, store, subscription, handled, states };
};

describe('reconnectingSubscription', () => {
  it('resumes from the checkpoint once the event store is back: nothing twice, nothing skipped', async () => {
    const { client, store, subscription, handled, states } = await follower();
    client.serverDown();
    await waitFor(() => states.filter((state) => state !== null).length >= 3);
    expect(subscription.reconnecting).toMatchObject({
      lastError: expect.any(EventStoreUnavailableError) as unknown,
    });
    client.record('certificate-3', 'CertificateIssued', { id: 'c3' }, {}, uuidFor('c3'));
    client.record('certificate-4', 'CertificateIssued', { id: 'c4' }, {}, uuidFor('c4'));
    client.serverBack();
    await waitFor(() => subscription.reconnecting === null);
    await store.appendToStream('certificate-5', [newEvent('c5')]);
    await waitFor(() => handled.length === 5);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(handled).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(states.at(-1)).toBeNull();
    const attempts = states.slice(0, -1).map((state) => state?.attempts);
    expect(attempts).toEqual([...attempts.keys()]);
    await subscription.close();
    await expect(subscription.done).resolves.toBeUndefined();
  });

  it('stops on an error that is not transient, without subscribing again', async () => {
    const bug = new Error('projection handler bug');
    const { client, store, subscription, states } = await follower((event) => {
      if (labelOf(event) === 'c3') throw bug;
    });
    await store.appendToStream('certificate-3', [newEvent('c3')]);
    await expect(subscription.done).rejects.toBe(bug);
    expect(states).toEqual([]);
    expect(client.calls.filter((call) => call === 'subscribeToAll')).toHaveLength(1);
  });

  it('stops when catching up fails on an error that is not transient', async () => {
    const client = new FakeEventStoreDBClient();
    const store = new EventStoreDBEventStore(client);
    const diskFull = new Error('SQLITE_FULL: database or disk is full');
    const subscription = reconnectingSubscription({
      backoff: QUICK,
      subscribe: () => store.subscribe({}, () => Promise.resolve()),
      catchUp: () => Promise.reject(diskFull),
    });
    client.serverDown();
    await expect(subscription.done).rejects.toBe(diskFull);
  });

  it('stops waiting for the event store when closed', async () => {
    const { client, subscription } = await follower();
    client.serverDown();
    await waitFor(() => subscription.reconnecting !== null);
    await subscription.close();
    await expect(subscription.done).resolves.toBeUndefined();
  });
});

describe('reconnectDelay', () => {
  it('doubles from half a second and stays at 30 s', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 100].map((attempt) =>
      reconnectDelay(attempt, DEFAULT_RECONNECT_BACKOFF),
    );
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });
});
