import { loadAggregate } from '../../src/application';
import { type NewEvent, SqliteEventStore } from '../../src/eventstore';
import { temporaryDirectory } from '../eventstore/temp-store';
import { counterDecider } from '../support/counter-decider';

const incremented = (id: string, by: number): NewEvent => ({
  id,
  type: 'Incremented',
  data: { by },
  metadata: { correlationId: 'corr', actor: 'tester' },
});

describe('loadAggregate', () => {
  const dir = temporaryDirectory('load-aggregate');
  afterAll(() => dir.remove());

  it('given a stream loaded before, when loaded again, then it reads only the events after the version it folded', async () => {
    const store = new SqliteEventStore(dir.file('again.db'));
    await store.appendToStream('counter-a', [incremented('e1', 2), incremented('e2', 3)]);
    await loadAggregate(store, 'counter-a', counterDecider);
    await store.appendToStream('counter-a', [incremented('e3', 10)]);
    const reads = jest.spyOn(store, 'readStream');

    const loaded = await loadAggregate(store, 'counter-a', counterDecider);

    expect(loaded).toEqual({ state: 15, version: 3 });
    expect(reads).toHaveBeenCalledWith('counter-a', { fromVersion: 2 });
    expect(await reads.mock.results[0]!.value).toHaveLength(1);
    await store.close();
  });

  it('given appends by another connection (another process), then the next load folds them too', async () => {
    const file = dir.file('other-writer.db');
    const store = new SqliteEventStore(file);
    const other = new SqliteEventStore(file);
    await store.appendToStream('counter-a', [incremented('e1', 1)]);
    expect(await loadAggregate(store, 'counter-a', counterDecider)).toEqual({
      state: 1,
      version: 1,
    });

    await other.appendToStream('counter-a', [incremented('e2', 5)], { expectedVersion: 1 });

    expect(await loadAggregate(store, 'counter-a', counterDecider)).toEqual({
      state: 6,
      version: 2,
    });
    await Promise.all([store.close(), other.close()]);
  });

  it('given a stream that does not exist, then it is the initial state at version 0, and stays so until written', async () => {
    const store = new SqliteEventStore(dir.file('absent.db'));

    expect(await loadAggregate(store, 'counter-none', counterDecider)).toEqual({
      state: 0,
      version: 0,
    });
    await store.appendToStream('counter-none', [incremented('e1', 4)]);
    expect(await loadAggregate(store, 'counter-none', counterDecider)).toEqual({
      state: 4,
      version: 1,
    });
    await store.close();
  });

  it('given two stores, then states folded from one are not used for the other', async () => {
    const first = new SqliteEventStore(dir.file('first.db'));
    const second = new SqliteEventStore(dir.file('second.db'));
    await first.appendToStream('counter-a', [incremented('e1', 7)]);
    await second.appendToStream('counter-a', [incremented('e1', 1)]);

    await loadAggregate(first, 'counter-a', counterDecider);

    expect(await loadAggregate(second, 'counter-a', counterDecider)).toEqual({
      state: 1,
      version: 1,
    });
    await Promise.all([first.close(), second.close()]);
  });
});
