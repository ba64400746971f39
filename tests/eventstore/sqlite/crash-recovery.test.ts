import { randomInt } from 'node:crypto';
import { SqliteEventStore } from '../../../src/eventstore';
import { runFixture } from '../child-process';
import { temporaryDirectory } from '../temp-store';

const ROUNDS = 5;
const STREAMS = ['crash-a', 'crash-b', 'crash-c', 'crash-d'];

const acknowledgedIds = (lines: readonly string[]): string[] =>
  lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4));

describe('SQLite event store: a writer killed with SIGKILL', () => {
  const directory = temporaryDirectory('crash');
  afterAll(() => directory.remove());

  it('loses no acknowledged event, stores none twice and leaves no version gaps', async () => {
    const file = directory.file('events.db');
    const acknowledged: string[] = [];

    for (let round = 1; round <= ROUNDS; round += 1) {
      const writer = runFixture('append-loop.ts', [file]);
      await writer.waitFor('the writer to start', () => writer.lines.includes('ready'));
      await writer.waitFor('some acknowledged appends', () => writer.lines.length > 10);
      await new Promise((resolve) => setTimeout(resolve, randomInt(0, 400)));
      writer.child.kill('SIGKILL');
      const { signal } = await writer.exited;
      expect(signal).toBe('SIGKILL');
      acknowledged.push(...acknowledgedIds(writer.lines));

      const store = new SqliteEventStore(file);
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const all = await store.readAll();
        const stored = new Map<string, number>();
        for (const event of all) stored.set(event.id, (stored.get(event.id) ?? 0) + 1);
        expect(acknowledged.filter((id) => stored.get(id) !== 1)).toEqual([]);
        expect(stored.size).toBe(all.length);
        for (const stream of STREAMS) {
          const versions = (await store.readStream(stream)).map((event) => event.version);
          expect(versions).toEqual(versions.map((_, index) => index + 1));
        }
      } finally {
        await store.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 10);
  }, 60_000);
});
