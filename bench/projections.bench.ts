import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type RecordedEvent, SqliteEventStore } from '../src/eventstore';
import { allProjections, ProjectionRunner, upcomingDeadlines } from '../src/projections';
import { appendTypicalLifecycle } from '../tests/projections/lifecycle-fixture';

/**
 * Rebuild rate of every projection over a log of many copies of the typical lifecycle
 * (3 organisations, 2 certificates, 5 audit cycles per copy). Events are bulk-inserted into the
 * events table; the rebuild goes through the ProjectionRunner as in production.
 * Run with `npx tsx bench/projections.bench.ts [events]` (default 300,000).
 */
const TARGET_EVENTS = Number(process.argv[2] ?? 300_000);

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const template = async (dir: string): Promise<RecordedEvent[]> => {
  const db = new Database(join(dir, 'template.db'));
  const store = new SqliteEventStore(db);
  await appendTypicalLifecycle(store);
  const events = await store.readAll();
  await store.close();
  db.close();
  return events;
};

const copyOf = (text: string, n: number): string =>
  text
    .replace(/\b(org|cert|cycle)-(acme|beta|gamma)/g, `$1-$2_${n}`)
    .replace(/CN-(20000|27001)-\d{5}/g, `CN-$1-${String(n).padStart(7, '0')}`);

const fill = (store: SqliteEventStore, events: readonly RecordedEvent[], copies: number) => {
  const insert = store.db.prepare(
    'INSERT INTO events (id, stream, version, category, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const rows = events.map((e) => ({
    stream: e.stream,
    version: e.version,
    category: e.stream.slice(0, e.stream.indexOf('-')),
    type: e.type,
    data: JSON.stringify(e.data),
    metadata: JSON.stringify(e.metadata),
  }));
  const batch = store.db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      for (const row of rows) {
        insert.run(
          randomUUID(),
          copyOf(row.stream, n),
          row.version,
          row.category,
          row.type,
          copyOf(row.data, n),
          row.metadata,
        );
      }
    }
  });
  for (let n = 0; n < copies; n += 1000) batch.immediate(n, Math.min(n + 1000, copies));
};

const main = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'certcycle-projections-bench-'));
  try {
    const events = await template(dir);
    const copies = Math.ceil(TARGET_EVENTS / events.length);
    const db = new Database(join(dir, 'bench.db'));
    const store = new SqliteEventStore(db);
    let start = process.hrtime.bigint();
    fill(store, events, copies);
    const total = copies * events.length;
    console.log(
      `seeded ${total.toLocaleString('en')} events (${copies} lifecycles) in ${seconds(start).toFixed(1)} s`,
    );

    const runner = new ProjectionRunner({ store, db, projections: allProjections });
    let peak = process.memoryUsage().rss;
    start = process.hrtime.bigint();
    const applied = await runner.catchUp(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    });
    const elapsed = seconds(start);
    console.log(
      `rebuild of ${allProjections.length} projections: ${applied.toLocaleString('en')} events in ` +
        `${elapsed.toFixed(1)} s = ${Math.round(applied / elapsed).toLocaleString('en')} events/s, ` +
        `peak RSS ${mb(peak)}`,
    );

    const asOf = '2026-10-01' as Parameters<typeof upcomingDeadlines>[1]['asOf'];
    const rounds = 2000;
    start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) upcomingDeadlines(db, { asOf, first: 20, withinDays: 90 });
    console.log(
      `upcomingDeadlines(first 20, 90 days): ${((seconds(start) / rounds) * 1000).toFixed(2)} ms each`,
    );
    await store.close();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

void main();
