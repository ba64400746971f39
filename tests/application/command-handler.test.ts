import { SettableClock, commandHandler } from '../../src/application';
import { DomainError } from '../../src/domain';
import { ConcurrencyError, type EventStore, SqliteEventStore } from '../../src/eventstore';
import { temporaryDirectory } from '../eventstore/temp-store';
import { counterDecider, increment } from '../support/counter-decider';

describe('command handler', () => {
  const dir = temporaryDirectory('command-handler');
  let store: SqliteEventStore;
  const clock = new SettableClock('2026-03-01T09:00:00Z');
  let counter = 0;
  const newId = () => `id-${++counter}`;

  beforeEach(() => {
    store = new SqliteEventStore(dir.file(`store-${counter}.db`));
  });
  afterEach(() => store.close());
  afterAll(() => dir.remove());

  it('appends the decided events with actor, correlation, causation and the clock time', async () => {
    const handle = commandHandler({ store, clock, newId });
    const result = await handle(counterDecider, 'counter-a', increment(2), {
      actor: 'person-1',
      correlationId: 'corr-1',
      causationId: 'cause-1',
    });
    expect(result).toMatchObject({ state: 2, version: 1, events: [{ type: 'Incremented' }] });
    const [event] = await store.readStream('counter-a');
    expect(event?.metadata).toEqual({
      actor: 'person-1',
      correlationId: 'corr-1',
      causationId: 'cause-1',
      recordedAt: '2026-03-01T09:00:00.000Z',
      schemaVersion: 1,
    });
    expect(result.position).toBe(event?.position);
  });

  it('surfaces a conflict when the caller pinned a stale version, writing nothing', async () => {
    const handle = commandHandler({ store, clock, newId });
    await handle(counterDecider, 'counter-b', increment(1), { actor: 'p' });
    await handle(counterDecider, 'counter-b', increment(1), { actor: 'p' });
    const attempt = handle(
      counterDecider,
      'counter-b',
      increment(1),
      { actor: 'p' },
      {
        expectedVersion: 1,
      },
    );
    await expect(attempt).rejects.toThrow(ConcurrencyError);
    await expect(attempt).rejects.toMatchObject({ expected: 1, actual: 2 });
    expect(await store.readStream('counter-b')).toHaveLength(2);
  });

  it('reloads and decides again when another writer got in first', async () => {
    const racing = racingStore(store, 1);
    const handle = commandHandler({ store: racing, clock, newId });
    const result = await handle(counterDecider, 'counter-c', increment(5), { actor: 'p' });
    expect(result).toMatchObject({ state: 6, version: 2 });
    expect((await store.readStream('counter-c')).map((e) => e.data)).toEqual([
      { by: 1 },
      { by: 5 },
    ]);
  });

  it('decides on the reloaded state, so a rule broken by the other writer refuses the command', async () => {
    const handle = commandHandler({ store: racingStore(store, 1), clock, newId });
    await expect(
      handle(counterDecider, 'counter-d', increment(5, 5), { actor: 'p' }),
    ).rejects.toThrow(DomainError);
    expect(await store.readStream('counter-d')).toHaveLength(1);
  });

  it('gives up after the bounded number of attempts', async () => {
    const handle = commandHandler({ store: racingStore(store, 10), clock, newId });
    await expect(
      handle(counterDecider, 'counter-e', increment(1), { actor: 'p' }, { maxAttempts: 3 }),
    ).rejects.toThrow(ConcurrencyError);
    expect(await store.readStream('counter-e')).toHaveLength(3);
  });

  it('appends nothing when the decider refuses', async () => {
    const handle = commandHandler({ store, clock, newId });
    await expect(
      handle(counterDecider, 'counter-f', increment(11, 10), { actor: 'p' }),
    ).rejects.toMatchObject({ rule: 'COUNTER_MAX' });
    expect(await store.readStream('counter-f')).toEqual([]);
  });

  it('appends nothing and keeps the version when the decision produces no events', async () => {
    const handle = commandHandler({ store, clock, newId });
    await handle(counterDecider, 'counter-g', increment(3), { actor: 'p' });
    const result = await handle(counterDecider, 'counter-g', increment(0), { actor: 'p' });
    expect(result).toMatchObject({ events: [], state: 3, version: 1, position: null });
  });
});

/** A store where another writer appends to the stream just before each of the first `races` appends. */
const racingStore = (inner: EventStore, races: number): EventStore => {
  let remaining = races;
  return {
    readStream: (stream, options) => inner.readStream(stream, options),
    readAll: (options) => inner.readAll(options),
    subscribe: (options, handler) => inner.subscribe(options, handler),
    close: () => inner.close(),
    appendToStream: async (stream, events, options) => {
      if (remaining-- > 0) {
        await inner.appendToStream(stream, [
          {
            id: `rival-${stream}-${remaining}`,
            type: 'Incremented',
            data: { by: 1 },
            metadata: { actor: 'rival', correlationId: 'rival' },
          },
        ]);
      }
      return inner.appendToStream(stream, events, options);
    },
  };
};
