import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  type NewEvent,
  SqliteEventStore,
} from '../../../src/eventstore';
import { GroupCommit, type GroupOutcome } from '../../../src/eventstore/sqlite/group-commit';
import { temporaryDirectory } from '../temp-store';

const event = (): NewEvent => ({
  id: randomUUID(),
  type: 'OrganisationRegistered',
  data: {},
  metadata: { correlationId: 'corr', actor: 'tester' },
});
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  const doubling = () => {
    const groups: number[][] = [];
    const group = new GroupCommit<number, number>((requests) => {
      groups.push([...requests]);
      return requests.map((n): GroupOutcome<number> =>
        n < 0 ? { error: new Error(`refused ${n}`) } : { result: n * 2 },
      );
    });
    return { group, groups };
  };

  it('given requests in one turn, when the turn ends, then one commit answers each of them', async () => {
    const { group, groups } = doubling();

    const answers = await Promise.all([group.submit(1), group.submit(2), group.submit(3)]);

    expect(answers).toEqual([2, 4, 6]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('given requests in different turns, then each turn is its own commit', async () => {
    const { group, groups } = doubling();

    const first = group.submit(1);
    await nextTurn();
    const second = group.submit(2);

    expect(await Promise.all([first, second])).toEqual([2, 4]);
    expect(groups).toEqual([[1], [2]]);
  });

  it('given one refused request, then only that request fails', async () => {
    const { group } = doubling();

    const results = await Promise.allSettled([group.submit(1), group.submit(-1), group.submit(3)]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('refused -1'));
  });

  it('given a commit that throws, then every request of the group fails with its error', async () => {
    const failure = new Error('disk I/O error');
    const group = new GroupCommit<number, number>(() => {
      throw failure;
    });

    const results = await Promise.allSettled([group.submit(1), group.submit(2)]);

    expect(results).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
  });

  it('given waiting requests, when flushed at once, then they are committed without waiting for the turn', async () => {
    const { group, groups } = doubling();
    const answer = group.submit(5);

    group.flush();

    expect(groups).toEqual([[5]]);
    expect(await answer).toBe(10);
  });
});

describe('SQLite event store group commit', () => {
  const directory = temporaryDirectory('group-commit');
  let fileNumber = 0;
  const newStore = () => new SqliteEventStore(directory.file(`events-${(fileNumber += 1)}.db`));
  /** Frames in the WAL since the last checkpoint (checkpointing them). */
  const walFrames = (store: SqliteEventStore) =>
    (store.db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;

  afterAll(() => directory.remove());

  it('given appends to several streams in one turn, then they are written in one transaction', async () => {
    const grouped = newStore();
    const sequential = newStore();
    walFrames(grouped);
    walFrames(sequential);

    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        grouped.appendToStream(`organisation-${n}`, [event()], { expectedVersion: 'no_stream' }),
      ),
    );
    for (let n = 0; n < 20; n++) {
      await sequential.appendToStream(`organisation-${n}`, [event()], {
        expectedVersion: 'no_stream',
      });
    }

    expect(walFrames(grouped) * 4).toBeLessThan(walFrames(sequential));
    expect(await grouped.readAll()).toHaveLength(20);
    await Promise.all([grouped.close(), sequential.close()]);
  });

  it('given a conflicting append among others in one turn, then it alone is refused and nothing of it is written', async () => {
    const store = newStore();
    await store.appendToStream('organisation-a', [event()]);

    const results = await Promise.allSettled([
      store.appendToStream('organisation-b', [event()], { expectedVersion: 'no_stream' }),
      store.appendToStream('organisation-a', [event(), event()], { expectedVersion: 'no_stream' }),
      store.appendToStream('organisation-c', [event()], { expectedVersion: 'no_stream' }),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream('organisation-a')).toHaveLength(1);
    expect((await store.readAll()).map((recorded) => recorded.stream)).toEqual([
      'organisation-a',
      'organisation-b',
      'organisation-c',
    ]);
    await store.close();
  });

  it('given two appends to one stream in one turn, then the second sees the first (versions in order)', async () => {
    const store = newStore();

    const [first, second, stale] = await Promise.allSettled([
      store.appendToStream('organisation-a', [event()], { expectedVersion: 0 }),
      store.appendToStream('organisation-a', [event()], { expectedVersion: 1 }),
      store.appendToStream('organisation-a', [event()], { expectedVersion: 1 }),
    ]);

    expect(first).toMatchObject({ status: 'fulfilled', value: { nextVersion: 1 } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { nextVersion: 2 } });
    expect(stale).toMatchObject({ status: 'rejected', reason: { actual: 2 } });
    await store.close();
  });

  it('given the same event ids appended twice in one turn to different streams, then the second is refused as a duplicate', async () => {
    const store = newStore();
    const shared = event();

    const results = await Promise.allSettled([
      store.appendToStream('organisation-a', [shared]),
      store.appendToStream('organisation-b', [shared]),
    ]);

    expect(results[0]?.status).toBe('fulfilled');
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect(await store.readAll()).toHaveLength(1);
    await store.close();
  });

  it('given the same append retried in the same turn, then the retry answers the original result and writes nothing', async () => {
    const store = newStore();
    const events = [event(), event()];

    const [first, retry] = await Promise.all([
      store.appendToStream('organisation-a', events, { expectedVersion: 'no_stream' }),
      store.appendToStream('organisation-a', events, { expectedVersion: 'no_stream' }),
    ]);

    expect(retry).toEqual(first);
    expect(await store.readStream('organisation-a')).toHaveLength(2);
    await store.close();
  });

  it('given an append waiting for its turn, when the store closes, then it is committed first', async () => {
    const store = newStore();

    const append = store.appendToStream('organisation-a', [event()]);
    await store.close();

    expect(await append).toMatchObject({ nextVersion: 1 });
    const reopened = new SqliteEventStore(store.db.name);
    expect(await reopened.readStream('organisation-a')).toHaveLength(1);
    await reopened.close();
  });
});
