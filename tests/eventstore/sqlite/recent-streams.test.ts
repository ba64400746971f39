import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { type NewEvent, SqliteEventStore } from '../../../src/eventstore';
import { temporaryDirectory } from '../temp-store';

const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'OrganisationRegistered',
  data: { n },
  metadata: { correlationId: 'corr', actor: 'tester' },
});

/** What the database holds, read by a connection of its own (no cache). */
const stored = (file: string, stream: string, fromVersion: number, maxCount: number | null) => {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[string, number, number], { version: number; data: string }>(
        'SELECT version, data FROM events WHERE stream = ? AND version > ? ORDER BY version LIMIT ?',
      )
      .all(stream, fromVersion, maxCount ?? -1)
      .map((row) => [row.version, JSON.parse(row.data) as unknown]);
  } finally {
    db.close();
  }
};

describe('SqliteEventStore: streams read again', () => {
  const dir = temporaryDirectory('recent-streams');
  let n = 0;
  afterAll(() => dir.remove());

  it('answers what the database holds, whoever appended, for any reads and appends', async () => {
    type Step =
      | { kind: 'append'; writer: 0 | 1; stream: number; count: number }
      | { kind: 'read'; stream: number; fromVersion: number; maxCount: number | null };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('append' as const),
        writer: fc.constantFrom(0 as const, 1 as const),
        stream: fc.integer({ min: 0, max: 1 }),
        count: fc.integer({ min: 1, max: 3 }),
      }),
      fc.record({
        kind: fc.constant('read' as const),
        stream: fc.integer({ min: 0, max: 1 }),
        fromVersion: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })),
        maxCount: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5 })),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const file = dir.file(`recent-${++n}.db`);
        const stores = [new SqliteEventStore(file), new SqliteEventStore(file)] as const;
        try {
          let appended = 0;
          for (const s of steps) {
            const stream = `organisation-s${s.stream}`;
            if (s.kind === 'append') {
              const events = Array.from({ length: s.count }, () => event(++appended));
              await stores[s.writer].appendToStream(stream, events);
              continue;
            }
            const read = await stores[0].readStream(stream, {
              fromVersion: s.fromVersion,
              ...(s.maxCount === null ? {} : { maxCount: s.maxCount }),
            });
            expect(read.map((e) => [e.version, e.data])).toEqual(
              stored(file, stream, s.fromVersion, s.maxCount),
            );
          }
        } finally {
          await Promise.all(stores.map((store) => store.close()));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the events it read and adds those appended since', async () => {
    const store = new SqliteEventStore(dir.file(`recent-${++n}.db`));
    try {
      await store.appendToStream('organisation-a', [event(1), event(2)]);
      const first = await store.readStream('organisation-a');
      await store.appendToStream('organisation-a', [event(3)]);

      const second = await store.readStream('organisation-a');

      expect(second[0]).toBe(first[0]);
      expect(second.map((e) => e.version)).toEqual([1, 2, 3]);
    } finally {
      await store.close();
    }
  });
});
