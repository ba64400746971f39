import { randomUUID } from 'node:crypto';
import { ConcurrencyError, SqliteEventStore, type NewEvent } from '../../../src/eventstore';
import { runFixture } from '../child-process';
import { temporaryDirectory } from '../temp-store';

const event = (): NewEvent => ({
  id: randomUUID(),
  type: 'RaceRecorded',
  data: {},
  metadata: { correlationId: 'corr', actor: 'racer' },
});

describe('SQLite event store: two writers on one stream with exact expected versions', () => {
  const directory = temporaryDirectory('concurrent');
  afterAll(() => directory.remove());

  it('lets the first writer win and gives the second a ConcurrencyError', async () => {
    const file = directory.file('two-connections.db');
    const [first, second] = [new SqliteEventStore(file), new SqliteEventStore(file)];
    await first.appendToStream('certificate-1', [event()]);
    const [readByFirst, readBySecond] = [
      (await first.readStream('certificate-1')).length,
      (await second.readStream('certificate-1')).length,
    ];
    const [winner, loser] = [event(), event()];

    const results = await Promise.allSettled([
      first.appendToStream('certificate-1', [winner], { expectedVersion: readByFirst }),
      second.appendToStream('certificate-1', [loser], { expectedVersion: readBySecond }),
    ]);

    expect(results[0]).toEqual({
      status: 'fulfilled',
      value: expect.objectContaining({ nextVersion: 2 }),
    });
    expect(results[1].status).toBe('rejected');
    const error = (results[1] as PromiseRejectedResult).reason as unknown;
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ stream: 'certificate-1', expected: 1, actual: 2 });
    const stored = await second.readStream('certificate-1');
    expect(stored.map((recorded) => recorded.id)).toEqual([stored[0]!.id, winner.id]);
    await Promise.all([first.close(), second.close()]);
  });

  it('loses no update when two processes race on the same stream', async () => {
    const file = directory.file('two-processes.db');
    const perWriter = 150;
    const writers = [1, 2].map(() =>
      runFixture('racing-writer.ts', [file, 'race-1', String(perWriter)]),
    );

    const exits = await Promise.all(writers.map((writer) => writer.exited));

    const failures = writers.filter((_, index) => exits[index]?.code !== 0);
    if (failures.length > 0) {
      throw new Error(`a writer failed:\n${failures.map((writer) => writer.stderr()).join('\n')}`);
    }
    const lines = writers.flatMap((writer) => writer.lines);
    const acks = lines
      .filter((line) => line.startsWith('ack '))
      .map((line) => line.split(' '))
      .map(([, id, version]) => ({ id: id!, version: Number(version) }));
    const conflicts = lines
      .filter((line) => line.startsWith('conflict '))
      .map((line) => line.split(' ').slice(1).map(Number));
    const store = new SqliteEventStore(file);
    const stored = await store.readStream('race-1');
    await store.close();

    expect(acks).toHaveLength(2 * perWriter);
    expect(stored).toHaveLength(2 * perWriter);
    expect(stored.map((recorded) => recorded.version)).toEqual(stored.map((_, index) => index + 1));
    const storedVersionOf = new Map(stored.map((recorded) => [recorded.id, recorded.version]));
    expect(acks.filter((ack) => storedVersionOf.get(ack.id) !== ack.version)).toEqual([]);
    expect(conflicts.filter(([expected, actual]) => !(actual! > expected!))).toEqual([]);
  }, 60_000);
});
