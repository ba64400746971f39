import { AccessDeniedError, UnavailableError } from '@eventstore/db-client';
import {
  EventStoreDBEventStore,
  EventStoreUnavailableError,
  InvalidEventStoreInputError,
  type GlobalPosition,
  type NewEvent,
  type RecordedEvent,
} from '../../src/eventstore';
import { FakeEventStoreDBClient } from './eventstoredb/fake-eventstoredb-client';

/** A UUID (the only ids EventStoreDB takes) that shows the short label it stands for. */
const uuidFor = (label: string): string =>
  `00000000-0000-4000-8000-${Buffer.from(label).toString('hex').padStart(12, '0')}`;

const newEvent = (label: string, type = 'CertificateIssued'): NewEvent => ({
  id: uuidFor(label),
  type,
  data: { id: label },
  metadata: { correlationId: 'c', actor: 'auditor' },
});

/** The label an event was made with (its data carries it). */
const labelOf = (event: RecordedEvent): string => (event.data as { id: string }).id;

const encoded = (commit: bigint): string =>
  `${commit.toString().padStart(20, '0')}/${commit.toString().padStart(20, '0')}`;

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  if (!condition()) throw new Error('condition not reached');
};

interface Batch {
  ids: string[];
  checkpoint: GlobalPosition;
}

const recorder = () => {
  const batches: Batch[] = [];
  const handler = (events: RecordedEvent[], checkpoint: GlobalPosition): Promise<void> => {
    batches.push({ ids: events.map(labelOf), checkpoint });
    return Promise.resolve();
  };
  return { batches, handler };
};

/** A recorder whose handler waits on its first batch until `release` is called. */
const heldAtFirstBatch = () => {
  const batches: Batch[] = [];
  let release: () => void = () => undefined;
  const firstHandled = new Promise<void>((resolve) => (release = resolve));
  const handler = async (events: RecordedEvent[], checkpoint: GlobalPosition): Promise<void> => {
    batches.push({ ids: events.map(labelOf), checkpoint });
    if (batches.length === 1) await firstHandled;
  };
  return { batches, handler, release: () => release() };
};

const setup = async () => {
  const client = new FakeEventStoreDBClient();
  const store = new EventStoreDBEventStore(client);
  client.record('$$certificate-1', '$metadata');
  await store.appendToStream('certificate-1', [newEvent('c1')]);
  await store.appendToStream('organisation-1', [newEvent('o1', 'OrganisationRegistered')]);
  return { client, store };
};

describe('EventStoreDBEventStore.subscribe', () => {
  it("catches up, goes live, hands events over with the last one's position as checkpoint, and stops on close", async () => {
    const { client, store } = await setup();
    const { batches, handler } = recorder();
    const subscription = store.subscribe({}, handler);
    await waitFor(() => batches.at(-1)?.checkpoint === encoded(10n));
    await store.appendToStream('certificate-2', [newEvent('c2')]);
    await waitFor(() => batches.at(-1)?.checkpoint === encoded(11n));
    expect(batches.flatMap((batch) => batch.ids)).toEqual(['c1', 'o1', 'c2']);
    expect(batches.at(-1)).toEqual({ ids: ['c2'], checkpoint: encoded(11n) });
    await subscription.close();
    await expect(subscription.done).resolves.toBeUndefined();
    expect(client.subscriptions[0]!.unsubscribed).toBe(true);
    const handed = batches.length;
    await store.appendToStream('certificate-3', [newEvent('c3')]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(batches).toHaveLength(handed);
  });

  it('hands over what arrived while the handler ran at once, up to batchSize events a batch', async () => {
    const { store } = await setup();
    const { batches, handler, release } = heldAtFirstBatch();
    const subscription = store.subscribe({ after: encoded(10n), batchSize: 2 }, handler);
    await store.appendToStream('certificate-2', [newEvent('a1')]);
    await waitFor(() => batches.length === 1);
    for (const label of ['a2', 'a3', 'a4', 'a5', 'a6']) {
      await store.appendToStream(`certificate-${label}`, [newEvent(label)]);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    await waitFor(() => batches.at(-1)?.checkpoint === encoded(16n));
    expect(batches[0]).toEqual({ ids: ['a1'], checkpoint: encoded(11n) });
    expect(batches[1]).toEqual({ ids: ['a2', 'a3'], checkpoint: encoded(13n) });
    expect(batches.flatMap((batch) => batch.ids)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(batches.every((batch) => batch.ids.length <= 2)).toBe(true);
    await subscription.close();
  });

  it('hands over what it received before the connection was lost, then rejects done', async () => {
    const { client, store } = await setup();
    const { batches, handler, release } = heldAtFirstBatch();
    const subscription = store.subscribe({ after: encoded(10n) }, handler);
    await store.appendToStream('certificate-2', [newEvent('a1')]);
    await waitFor(() => batches.length === 1);
    await store.appendToStream('certificate-3', [newEvent('a2')]);
    await store.appendToStream('certificate-4', [newEvent('a3')]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    client.subscriptions[0]!.destroy(new UnavailableError(undefined, 'connection lost'));
    release();
    await expect(subscription.done).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(batches).toEqual([
      { ids: ['a1'], checkpoint: encoded(11n) },
      { ids: ['a2', 'a3'], checkpoint: encoded(13n) },
    ]);
  });

  it('asks the server to filter by exact event type, else by category prefix, else system events out', async () => {
    const { client, store } = await setup();
    const { handler } = recorder();
    const subscriptions = [
      store.subscribe({ eventTypes: ['CertificateIssued'] }, handler),
      store.subscribe({ categories: ['certificate', 'organisation'] }, handler),
      store.subscribe({}, handler),
    ];
    const filters = client.subscriptions.map((subscription) => subscription.serverFilter);
    expect(filters[0]).toMatchObject({
      filterOn: 'eventType',
      regex: '^(?:CertificateIssued)$',
      checkpointInterval: 1,
    });
    expect(filters[1]).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['certificate-', 'organisation-'],
    });
    expect(filters[2]).toMatchObject({ filterOn: 'eventType', regex: '^[^$]' });
    expect(filters.every((filter) => typeof filter?.checkpointReached === 'function')).toBe(true);
    await Promise.all(subscriptions.map((subscription) => subscription.close()));
  });

  it('resumes strictly after the checkpoint although the server starts at it', async () => {
    const { store } = await setup();
    const { batches, handler } = recorder();
    const subscription = store.subscribe({ after: encoded(9n) }, handler);
    await waitFor(() => batches.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(batches).toEqual([{ ids: ['o1'], checkpoint: encoded(10n) }]);
    await subscription.close();
  });

  it("moves a batch's checkpoint on to a server checkpoint received after its events", async () => {
    const { client, store } = await setup();
    const { batches, handler, release } = heldAtFirstBatch();
    const subscription = store.subscribe({ eventTypes: ['CertificateIssued'] }, handler);
    await waitFor(() => batches.length === 1);
    const fake = client.subscriptions[0]!;
    await store.appendToStream('certificate-2', [newEvent('c2')]);
    fake.checkpoint(20n);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(batches).toHaveLength(1);
    release();
    await waitFor(() => batches.length === 2);
    expect(batches).toEqual([
      { ids: ['c1'], checkpoint: encoded(9n) },
      { ids: ['c2'], checkpoint: encoded(20n) },
    ]);
    await subscription.close();
  });

  it('never hands over a checkpoint at or behind a position already handed over', async () => {
    const { client, store } = await setup();
    const { batches, handler } = recorder();
    const subscription = store.subscribe({ after: encoded(9n) }, handler);
    await waitFor(() => batches.length === 1);
    const fake = client.subscriptions[0]!;
    fake.checkpoint(5n);
    fake.checkpoint(10n);
    fake.checkpoint(12n);
    await waitFor(() => batches.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(batches).toEqual([
      { ids: ['o1'], checkpoint: encoded(10n) },
      { ids: [], checkpoint: encoded(12n) },
    ]);
    await subscription.close();
  });

  it('skips events that are not selected, such as events of system streams', async () => {
    const { client, store } = await setup();
    const { batches, handler } = recorder();
    const subscription = store.subscribe({ categories: ['certificate'] }, handler);
    await waitFor(() => batches.length === 1);
    client.record('$$certificate-9', '$metadata');
    client.record('certificate-9', '$>');
    await store.appendToStream('certificate-9', [newEvent('c9')]);
    await waitFor(() => batches.length === 2);
    expect(batches.map((batch) => batch.ids)).toEqual([['c1'], ['c9']]);
    await subscription.close();
  });

  it("rejects done with the handler's error and unsubscribes", async () => {
    const { client, store } = await setup();
    const failure = new Error('projection failed');
    const subscription = store.subscribe({}, () => Promise.reject(failure));
    await expect(subscription.done).rejects.toBe(failure);
    expect(client.subscriptions[0]!.unsubscribed).toBe(true);
  });

  it('rejects done with an EventStoreUnavailableError when the connection is lost', async () => {
    const { client, store } = await setup();
    const { batches, handler } = recorder();
    const subscription = store.subscribe({}, handler);
    await waitFor(() => batches.length === 2);
    const dropped = new UnavailableError(undefined, 'connection lost');
    client.subscriptions[0]!.destroy(dropped);
    const error = await subscription.done.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).cause).toBe(dropped);
  });

  it('rejects done with an EventStoreUnavailableError when the server ends the subscription', async () => {
    const { client, store } = await setup();
    const { batches, handler } = recorder();
    const subscription = store.subscribe({}, handler);
    await waitFor(() => batches.length === 2);
    client.subscriptions[0]!.end();
    await expect(subscription.done).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it("rejects done with the server's error as it is when it is not transient", async () => {
    const { client, store } = await setup();
    const { batches, handler } = recorder();
    const subscription = store.subscribe({}, handler);
    await waitFor(() => batches.length === 2);
    const denied = new AccessDeniedError(undefined, 'access denied');
    client.subscriptions[0]!.destroy(denied);
    await expect(subscription.done).rejects.toBe(denied);
  });

  it('can be closed from inside its handler', async () => {
    const { store } = await setup();
    const seen: string[] = [];
    const subscription = store.subscribe({}, async (events) => {
      seen.push(...events.map(labelOf));
      await subscription.close();
    });
    await expect(subscription.done).resolves.toBeUndefined();
    expect(seen).toEqual(['c1']);
  });

  it('is closed when the store closes', async () => {
    const { client, store } = await setup();
    const { batches, handler } = recorder();
    const subscription = store.subscribe({}, handler);
    await waitFor(() => batches.length === 2);
    await store.close();
    await expect(subscription.done).resolves.toBeUndefined();
    expect(client.subscriptions[0]!.unsubscribed).toBe(true);
  });

  it('refuses a checkpoint it did not produce before calling the server', () => {
    const client = new FakeEventStoreDBClient();
    const store = new EventStoreDBEventStore(client);
    expect(() => store.subscribe({ after: 'nope' }, () => Promise.resolve())).toThrow(
      InvalidEventStoreInputError,
    );
    expect(client.calls).toEqual([]);
  });
});
