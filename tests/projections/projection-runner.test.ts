import Database from 'better-sqlite3';
import { type NewEvent, type RecordedEvent, SqliteEventStore } from '../../src/eventstore';
import type { Database as Connection } from 'better-sqlite3';
import {
  type AggregateFold,
  eachEvent,
  type Projection,
  ProjectionRunner,
  ReadModelTimeoutError,
} from '../../src/projections';
import { temporaryDirectory } from '../eventstore/temp-store';

const countStream = (event: RecordedEvent, db: Connection): void => {
  db.prepare(
    `INSERT INTO stream_counts (stream, n) VALUES (?, 1)
     ON CONFLICT (stream) DO UPDATE SET n = n + 1`,
  ).run(event.stream);
};

/** Counts events per stream; `version` is settable to simulate a changed projection. */
const streamCounts = (version = 1, seen: RecordedEvent[] = []): Projection => ({
  name: 'stream_counts',
  version,
  setup: (db) =>
    db.exec(
      'CREATE TABLE IF NOT EXISTS stream_counts (stream TEXT PRIMARY KEY, n INTEGER NOT NULL)',
    ),
  reset: (db) => db.exec('DELETE FROM stream_counts'),
  applyBatch: eachEvent((event, db) => {
    seen.push(event);
    countStream(event, db);
  }),
});

const event = (id: string): NewEvent => ({
  id,
  type: 'Happened',
  data: {},
  metadata: { actor: 'test', correlationId: id },
});

const counts = (db: Database.Database) =>
  Object.fromEntries(
    db
      .prepare<[], { stream: string; n: number }>('SELECT stream, n FROM stream_counts')
      .all()
      .map((row) => [row.stream, row.n]),
  );

describe('projection runner', () => {
  const dir = temporaryDirectory('projection-runner');
  let file: string;
  let db: Database.Database;
  let store: SqliteEventStore;
  let runner: ProjectionRunner | undefined;
  let n = 0;

  beforeEach(() => {
    file = dir.file(`runner-${++n}.db`);
    db = new Database(file);
    store = new SqliteEventStore(db);
  });
  afterEach(async () => {
    await runner?.stop();
    await store.close();
    db.close();
  });
  afterAll(() => dir.remove());

  it('catches up, follows live appends and answers read-your-writes waits', async () => {
    await store.appendToStream('thing-1', [event('a'), event('b')]);
    runner = new ProjectionRunner({ store, db, projections: [streamCounts()] });
    await runner.start();
    expect(counts(db)).toEqual({ 'thing-1': 2 });
    const { position } = await store.appendToStream('thing-2', [event('c')]);
    await runner.waitFor(position, 2000);
    expect(counts(db)).toEqual({ 'thing-1': 2, 'thing-2': 1 });
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await store.appendToStream('thing-1', [event('a'), event('b')]);
    runner = new ProjectionRunner({ store, db, projections: [streamCounts()] });
    await runner.catchUp();
    await store.appendToStream('thing-1', [event('c')]);
    const seen: RecordedEvent[] = [];
    runner = new ProjectionRunner({ store, db, projections: [streamCounts(1, seen)] });
    expect(await runner.catchUp()).toBe(1);
    expect(seen.map((e) => e.id)).toEqual(['c']);
    expect(counts(db)).toEqual({ 'thing-1': 3 });
  });

  it('rebuilds from position 0 when the projection version changes', async () => {
    await store.appendToStream('thing-1', [event('a'), event('b')]);
    runner = new ProjectionRunner({ store, db, projections: [streamCounts(1)] });
    await runner.catchUp();
    db.prepare('UPDATE stream_counts SET n = 99').run();
    runner = new ProjectionRunner({ store, db, projections: [streamCounts(2)] });
    await runner.catchUp();
    expect(counts(db)).toEqual({ 'thing-1': 2 });
  });

  it('rebuilds on request and reports progress', async () => {
    await store.appendToStream('thing-1', [event('a'), event('b'), event('c')]);
    runner = new ProjectionRunner({ store, db, projections: [streamCounts()], batchSize: 2 });
    await runner.catchUp();
    runner.reset(['stream_counts']);
    expect(counts(db)).toEqual({});
    const progress: number[] = [];
    await runner.catchUp({ onProgress: (applied) => progress.push(applied) });
    expect(progress).toEqual([2, 3]);
    expect(counts(db)).toEqual({ 'thing-1': 3 });
    expect(() => runner!.reset(['nope'])).toThrow(/unknown projection nope/);
  });

  it('keeps rows and checkpoint together: a failing handler leaves neither behind', async () => {
    await store.appendToStream('thing-1', [event('a'), event('b')]);
    const failing: Projection = {
      ...streamCounts(),
      applyBatch: eachEvent((e, tx) => {
        if (e.id === 'b') throw new Error('handler failed');
        countStream(e, tx);
      }),
    };
    runner = new ProjectionRunner({ store, db, projections: [failing] });
    await expect(runner.catchUp()).rejects.toThrow('handler failed');
    expect(counts(db)).toEqual({});
    expect(runner.position).toBeNull();
  });

  it.each([
    // Projection batches commit without fsync; the event store needs FULL (2) on the connection.
    { pragma: 'synchronous', before: 2, during: 1 },
    // The WAL is checkpointed every 100,000 pages instead of the connection's own setting.
    { pragma: 'wal_autocheckpoint', before: 500, during: 100_000 },
  ])(
    'sets $pragma = $during for projection batches, then gives the connection its $before back',
    async ({ pragma, before, during: expected }) => {
      await store.appendToStream('thing-1', [event('a')]);
      db.pragma(`${pragma} = ${before}`);
      const during: unknown[] = [];
      const probing: Projection = {
        ...streamCounts(),
        applyBatch: eachEvent((e, tx) => {
          during.push(tx.pragma(pragma, { simple: true }));
          countStream(e, tx);
        }),
      };
      const failing: Projection = {
        ...streamCounts(),
        name: 'failing',
        applyBatch: () => {
          throw new Error('handler failed');
        },
      };

      runner = new ProjectionRunner({ store, db, projections: [probing] });
      await runner.catchUp();
      expect(during).toEqual([expected]);
      expect(db.pragma(pragma, { simple: true })).toBe(before);

      await expect(
        new ProjectionRunner({ store, db, projections: [failing] }).catchUp(),
      ).rejects.toThrow('handler failed');
      expect(db.pragma(pragma, { simple: true })).toBe(before);
    },
  );

  it("leaves wal_autocheckpoint as set during the catch-up (a stopped checkpoint worker's fallback)", async () => {
    await store.appendToStream('thing-1', [event('a')]);
    db.pragma('wal_autocheckpoint = 10000');
    const fallingBack: Projection = {
      ...streamCounts(),
      applyBatch: eachEvent((e, tx) => {
        // What open-storage does when the background checkpoint worker stops.
        tx.pragma('wal_autocheckpoint = 1000');
        countStream(e, tx);
      }),
    };
    runner = new ProjectionRunner({ store, db, projections: [fallingBack] });
    await runner.catchUp();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('cuts a catch-up batch where it would touch more streams than allowed, applying every event once', async () => {
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) {
      await store.appendToStream(`thing-${'xyz'.charAt('abcdef'.indexOf(id) % 3)}`, [event(id)]);
    }
    const seen: RecordedEvent[] = [];
    runner = new ProjectionRunner({
      store,
      db,
      projections: [streamCounts(1, seen)],
      batchSize: 5,
      maxStreamsPerBatch: 2,
    });
    const progress: number[] = [];
    await runner.catchUp({ onProgress: (applied) => progress.push(applied) });
    expect(progress).toEqual([2, 4, 5, 6]);
    expect(seen.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(counts(db)).toEqual({ 'thing-x': 2, 'thing-y': 2, 'thing-z': 2 });

    const uncut = new ProjectionRunner({ store, db, projections: [streamCounts(2)], batchSize: 5 });
    const whole: number[] = [];
    await uncut.catchUp({ onProgress: (applied) => whole.push(applied) });
    expect(whole).toEqual([5, 6]);
  });

  it('replays from position 0 without the query indexes and builds them once caught up', async () => {
    await store.appendToStream('thing-1', [event('a'), event('b'), event('c')]);
    const indexed = () =>
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'counts_by_n'")
        .pluck()
        .all().length === 1;
    const during: boolean[] = [];
    const withQueryIndex: Projection = {
      ...streamCounts(),
      queryIndexes: {
        counts_by_n: 'CREATE INDEX IF NOT EXISTS counts_by_n ON stream_counts (n)',
      },
      applyBatch: eachEvent((e, tx) => {
        during.push(indexed());
        countStream(e, tx);
      }),
    };

    runner = new ProjectionRunner({ store, db, projections: [withQueryIndex], batchSize: 2 });
    await runner.catchUp();
    expect(during).toEqual([false, false, false]);
    expect(indexed()).toBe(true);

    await store.appendToStream('thing-1', [event('d')]);
    runner = new ProjectionRunner({ store, db, projections: [withQueryIndex] });
    expect(indexed()).toBe(true);
    await runner.catchUp();
    expect(during.at(-1)).toBe(true);

    runner.reset();
    expect(indexed()).toBe(false);
    await runner.catchUp();
    expect(indexed()).toBe(true);
    expect(counts(db)).toEqual({ 'thing-1': 4 });
  });

  it('times out a read-your-writes wait with an error that says so', async () => {
    runner = new ProjectionRunner({ store, db, projections: [streamCounts()] });
    const wait = runner.waitFor('99999999999999999999', 50);
    await expect(wait).rejects.toThrow(ReadModelTimeoutError);
    await expect(wait).rejects.toThrow(/did not reach event position/);
  });

  it('hands each projection its batch once, after its own checkpoint, and rolls back on failure', async () => {
    await store.appendToStream('thing-1', [event('a'), event('b'), event('c')]);
    const batches: string[][] = [];
    const rollbacks: string[] = [];
    let failOn: string | null = 'c';
    const batched: Projection = {
      ...streamCounts(),
      applyBatch: (events, tx) => {
        batches.push(events.map((e) => e.id));
        for (const e of events) countStream(e, tx);
        if (events.some((e) => e.id === failOn)) throw new Error('batch failed');
      },
      rollback: () => rollbacks.push('stream_counts'),
    };
    runner = new ProjectionRunner({ store, db, projections: [batched], batchSize: 2 });
    await expect(runner.catchUp()).rejects.toThrow('batch failed');
    expect(batches).toEqual([['a', 'b'], ['c']]);
    expect(rollbacks).toEqual(['stream_counts']);
    expect(counts(db)).toEqual({ 'thing-1': 2 });
    failOn = null;
    expect(await runner.catchUp()).toBe(1);
    expect(batches.at(-1)).toEqual(['c']);
    expect(counts(db)).toEqual({ 'thing-1': 3 });
  });

  it('replays some projections only without folding the aggregates only the others read', async () => {
    await store.appendToStream('thing-1', [event('a'), event('b')]);
    let evolved = 0;
    const thingFold: AggregateFold<number> = {
      category: 'thing',
      initial: () => 0,
      evolve: (state) => {
        evolved += 1;
        return state + 1;
      },
    };
    const folding = (): Projection => ({
      name: 'thing_sizes',
      version: 1,
      setup: () => undefined,
      reset: () => undefined,
      folds: [thingFold],
      applyBatch: (events, _db, states) => {
        for (const e of events) states.of(thingFold, e.stream.slice('thing-'.length));
      },
    });
    await new ProjectionRunner({ store, db, projections: [folding(), streamCounts(1)] }).catchUp();
    expect(evolved).toBe(2);

    runner = new ProjectionRunner({ store, db, projections: [folding(), streamCounts(2)] });
    expect(await runner.catchUp()).toBe(2);
    expect(evolved).toBe(2);
    expect(counts(db)).toEqual({ 'thing-1': 2 });
  });
});
