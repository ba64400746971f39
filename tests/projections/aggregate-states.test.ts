import { type NewEvent, type RecordedEvent, SqliteEventStore } from '../../src/eventstore';
import { type AggregateFold, AggregateStates } from '../../src/projections';
import { temporaryDirectory } from '../eventstore/temp-store';

/** Sums `data.amount` and counts every evolve call. */
const counter = (): AggregateFold<number> & { calls: number } => {
  const fold = {
    category: 'counter',
    calls: 0,
    initial: () => 0,
    evolve: (state: number, event: { data: unknown }) => {
      fold.calls += 1;
      return state + (event.data as { amount: number }).amount;
    },
  };
  return fold;
};

let ids = 0;
const added = (amount: number): NewEvent => ({
  id: `event-${++ids}`,
  type: 'Added',
  data: { amount },
  metadata: { actor: 'test', correlationId: 'test' },
});

describe('AggregateStates: the states projections read, folded from the log', () => {
  const dir = temporaryDirectory('aggregate-states');
  let store: SqliteEventStore;
  let reads: string[];
  let n = 0;

  beforeEach(() => {
    store = new SqliteEventStore(dir.file(`states-${++n}.db`));
    reads = [];
    const readStream = store.readStream.bind(store);
    jest.spyOn(store, 'readStream').mockImplementation((stream, options) => {
      reads.push(stream);
      return readStream(stream, options);
    });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
  });

  afterAll(() => dir.remove());

  /** Appends, then answers the events appended (as a batch would carry them). */
  const append = async (stream: string, ...amounts: number[]): Promise<RecordedEvent[]> => {
    const before = (await store.readAll()).at(-1)?.position ?? null;
    await store.appendToStream(stream, amounts.map(added));
    return store.readAll({ after: before });
  };

  it('folds each stream of a batch once, from the initial state, without reading the log', async () => {
    const fold = counter();
    const states = new AggregateStates(store, [fold]);
    const batch = [...(await append('counter-a', 1, 2)), ...(await append('counter-b', 5))];

    const folded = await states.prepare(batch, null, batch.at(-1)!.position);

    expect(folded.of(fold, 'a')).toEqual({ state: 3, version: 2 });
    expect(folded.of(fold, 'b')).toEqual({ state: 5, version: 1 });
    expect(fold.calls).toBe(3);
    expect(reads).toEqual([]);
  });

  it('continues a stream from the state kept for it when the next batch follows on', async () => {
    const fold = counter();
    const states = new AggregateStates(store, [fold]);
    const first = await append('counter-a', 1, 2);
    await states.prepare(first, null, first.at(-1)!.position);
    const second = await append('counter-a', 10);

    const folded = await states.prepare(second, first.at(-1)!.position, second.at(-1)!.position);

    expect(folded.of(fold, 'a')).toEqual({ state: 13, version: 3 });
    expect(reads).toEqual([]);
  });

  it('reads the stream when the batch does not follow on (a retry, a replay)', async () => {
    const fold = counter();
    const states = new AggregateStates(store, [fold]);
    const first = await append('counter-a', 1, 2);
    await states.prepare(first, null, first.at(-1)!.position);
    const second = await append('counter-a', 10);

    await states.prepare(second, first.at(-1)!.position, second.at(-1)!.position);
    const again = await states.prepare(second, first.at(-1)!.position, second.at(-1)!.position);

    expect(again.of(fold, 'a')).toEqual({ state: 13, version: 3 });
    expect(reads).toEqual(['counter-a']);
  });

  it('folds extra streams as of the checkpoint, not the events appended after it', async () => {
    const fold = counter();
    const states = new AggregateStates(store, [fold]);
    await append('counter-old', 4);
    const batch = await append('counter-a', 1);
    await append('counter-old', 100);

    const folded = await states.prepare(batch, batch[0]!.position, batch.at(-1)!.position, {
      extra: () => ['counter-old'],
    });

    expect(folded.of(fold, 'old')).toEqual({ state: 4, version: 1 });
    expect(reads).toEqual(['counter-old']);
  });

  it('reads a stream it lacks once per batch, however often the batch or its projections name it', async () => {
    const fold = counter();
    const states = new AggregateStates(store, [fold]);
    await append('counter-a', 1);
    const batch = [...(await append('counter-a', 2, 3)), ...(await append('counter-b', 5))];

    const folded = await states.prepare(batch, null, batch.at(-1)!.position, {
      extra: () => ['counter-old', 'counter-old'],
    });

    expect(folded.of(fold, 'a')).toEqual({ state: 6, version: 3 });
    expect(reads).toEqual(['counter-a', 'counter-old']);
  });

  it('says so when a projection reads a state it did not ask for', async () => {
    const fold = counter();
    const states = new AggregateStates(store, [fold]);
    const batch = await append('counter-a', 1);
    const folded = await states.prepare(batch, null, batch.at(-1)!.position);
    expect(() => folded.of(fold, 'elsewhere')).toThrow(
      'the state of counter-elsewhere was not folded for this batch',
    );
  });

  it('ignores the streams of categories no projection folds', async () => {
    const fold = counter();
    const states = new AggregateStates(store, [fold]);
    const batch = await append('other-a', 1);
    const folded = await states.prepare(batch, null, batch.at(-1)!.position, {
      extra: () => ['other-b'],
    });
    expect(fold.calls).toBe(0);
    expect(reads).toEqual([]);
    expect(() => folded.of({ ...fold, category: 'other' }, 'a')).toThrow(/was not folded/);
  });

  it('keeps at most the states it was sized for, reading again what it dropped', async () => {
    const fold = counter();
    const states = new AggregateStates(store, [fold], 1);
    const first = [...(await append('counter-a', 1)), ...(await append('counter-b', 2))];
    await states.prepare(first, null, first.at(-1)!.position);
    const second = [...(await append('counter-a', 10)), ...(await append('counter-b', 20))];

    const folded = await states.prepare(second, first.at(-1)!.position, second.at(-1)!.position);

    expect(folded.of(fold, 'a')).toEqual({ state: 11, version: 2 });
    expect(folded.of(fold, 'b')).toEqual({ state: 22, version: 2 });
    expect(reads).toEqual(['counter-a']);
  });

  it('folds only the folds a batch asks for, and reads again a kept state such a batch passed by', async () => {
    const fold = counter();
    const other = { ...counter(), category: 'other' };
    const states = new AggregateStates(store, [fold, other]);
    const first = [...(await append('counter-a', 1)), ...(await append('other-a', 2))];
    await states.prepare(first, null, first.at(-1)!.position);
    const second = [...(await append('counter-a', 10)), ...(await append('other-a', 20))];

    const onlyOther = await states.prepare(
      second,
      first.at(-1)!.position,
      second.at(-1)!.position,
      {
        folds: [other],
        extra: () => ['counter-a'],
      },
    );
    expect(onlyOther.of(other, 'a')).toEqual({ state: 22, version: 2 });
    expect(() => onlyOther.of(fold, 'a')).toThrow(/was not folded/);
    expect(fold.calls).toBe(1);

    const third = await append('other-a', 300);
    const both = await states.prepare(third, second.at(-1)!.position, third.at(-1)!.position, {
      extra: () => ['counter-a'],
    });
    expect(both.of(fold, 'a')).toEqual({ state: 11, version: 2 });
    expect(both.of(other, 'a')).toEqual({ state: 322, version: 3 });
    expect(reads).toEqual(['counter-a']);
  });
});
