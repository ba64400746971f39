import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type RecordedEvent, SqliteEventStore } from '../src/eventstore';
import {
  allProjections,
  type Projection,
  ProjectionRunner,
  readModelsChanged,
  upcomingDeadlines,
} from '../src/projections';
import { appendTypicalLifecycle } from '../tests/projections/lifecycle-fixture';

/**
 * Rebuild rate of every projection over a log of many copies of the typical lifecycle
 * (3 organisations, 2 certificates, 5 audit cycles per copy), against issue 4's targets.
 * Events are bulk-inserted into the events table; the rebuild then runs in a fresh process
 * (so its peak RSS is its own) through the ProjectionRunner as in production.
 * Run with `npx tsx bench/projections.bench.ts [events]` (default 300,000).
 * `--seed <file> [events]` only seeds a file; `--rebuild <file>` only rebuilds one (what to
 * profile: `node --cpu-prof --require tsx/cjs bench/projections.bench.ts --rebuild <file>`).
 * BENCH_BATCH_SIZE overrides the runner's batch size.
 */
const TARGET_RATE = 50_000;
const TARGET_RSS = 400 * 1024 * 1024;
const QUERY_SECONDS = 2;

interface RebuildMeasurements {
  applied: number;
  elapsed: number;
  cpuSeconds: number;
  peakRss: number;
  queryMs: number;
  queries: number;
  /** CPU seconds spent in each projection's batches and in reading events. */
  breakdown: Record<string, number>;
}

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

const measure = <T>(cpu: Map<string, number>, name: string, work: () => T): T => {
  const start = cpuMicros();
  try {
    return work();
  } finally {
    cpu.set(name, (cpu.get(name) ?? 0) + cpuMicros() - start);
  }
};

/** The projections, each batch timed in CPU microseconds into `cpu`. */
const timed = (projections: readonly Projection[], cpu: Map<string, number>): Projection[] =>
  projections.map((projection) => ({
    ...projection,
    applyBatch: (events, db, states) =>
      measure(cpu, projection.name, () => projection.applyBatch(events, db, states)),
  }));

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

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

/** The rebuild and a short query loop, in this (fresh) process; prints one JSON line. */
const rebuild = async (file: string): Promise<void> => {
  const db = new Database(file);
  const store = new SqliteEventStore(db);
  const cpu = new Map<string, number>();
  const runner = new ProjectionRunner({
    store,
    db,
    projections: timed(allProjections, cpu),
    batchSize: process.env.BENCH_BATCH_SIZE ? Number(process.env.BENCH_BATCH_SIZE) : undefined,
  });
  runner.reset();
  let peakRss = process.memoryUsage().rss;
  const cpuStart = process.cpuUsage();
  const readAll = store.readAll.bind(store);
  store.readAll = (options) => measure(cpu, 'reading events', () => readAll(options));
  let start = process.hrtime.bigint();
  const applied = await runner.catchUp({
    onProgress: () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    },
  });
  const elapsed = seconds(start);
  const used = process.cpuUsage(cpuStart);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  const asOf = '2026-10-01' as Parameters<typeof upcomingDeadlines>[1]['asOf'];
  let queries = 0;
  start = process.hrtime.bigint();
  while (seconds(start) < QUERY_SECONDS) {
    // Empties the read caches: the page is read from SQLite each time, not from the kept pages.
    readModelsChanged(db);
    upcomingDeadlines(db, { asOf, first: 20, withinDays: 90 });
    queries++;
  }
  const queryMs = (seconds(start) / queries) * 1000;
  await store.close();
  db.close();
  const measured: RebuildMeasurements = {
    applied,
    elapsed,
    cpuSeconds: (used.user + used.system) / 1e6,
    breakdown: Object.fromEntries([...cpu].map(([name, micros]) => [name, micros / 1e6])),
    peakRss,
    queryMs,
    queries,
  };
  process.stdout.write(`${JSON.stringify(measured)}\n`);
};

const rebuildInFreshProcess = (file: string): RebuildMeasurements => {
  const child = spawnSync(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), __filename, '--rebuild', file],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`rebuild failed with status ${child.status}`);
  return JSON.parse(child.stdout) as RebuildMeasurements;
};

/** Seeds `file` with about `targetEvents` events (whole lifecycles). */
const seed = async (dir: string, file: string, targetEvents: number): Promise<void> => {
  const events = await template(dir);
  const copies = Math.ceil(targetEvents / events.length);
  const db = new Database(file);
  const store = new SqliteEventStore(db);
  const start = process.hrtime.bigint();
  fill(store, events, copies);
  await store.close();
  db.close();
  const total = copies * events.length;
  console.log(
    `seeded ${total.toLocaleString('en')} events (${copies} lifecycles) in ${seconds(start).toFixed(1)} s`,
  );
};

const main = async (targetEvents: number) => {
  const dir = mkdtempSync(join(tmpdir(), 'certcycle-projections-bench-'));
  try {
    console.log(`machine: ${cpus().length} CPUs, load average ${load()}`);
    const file = join(dir, 'bench.db');
    await seed(dir, file, targetEvents);
    console.log(`load average before the rebuild ${load()}`);
    const m = rebuildInFreshProcess(file);
    const rate = m.applied / m.elapsed;
    console.log(
      `rebuild of ${allProjections.length} projections: ${m.applied.toLocaleString('en')} events in ` +
        `${m.elapsed.toFixed(1)} s = ${Math.round(rate).toLocaleString('en')} events/s ` +
        `(${Math.round(m.applied / m.cpuSeconds).toLocaleString('en')} events per CPU second), ` +
        `peak RSS ${mb(m.peakRss)}`,
    );
    const breakdown = Object.entries(m.breakdown)
      .map(([name, cpuSeconds]) => `${name} ${cpuSeconds.toFixed(1)} s`)
      .join(', ');
    console.log(`  CPU by part: ${breakdown}`);
    console.log(
      `upcomingDeadlines(first 20, 90 days), read from SQLite each time: ` +
        `${m.queryMs.toFixed(2)} ms each (${m.queries} runs)`,
    );
    console.log(`load average after the rebuild ${load()}`);
    const checks: [string, string, boolean][] = [
      [
        `rebuild >= ${TARGET_RATE.toLocaleString('en')} events/s`,
        `${Math.round(rate).toLocaleString('en')} events/s`,
        rate >= TARGET_RATE,
      ],
      [`rebuild peak RSS < ${mb(TARGET_RSS)}`, mb(m.peakRss), m.peakRss < TARGET_RSS],
    ];
    for (const [target, measured, passed] of checks) {
      console.log(`  ${passed ? 'PASS' : 'FAIL'}  ${target.padEnd(32)} ${measured}`);
    }
    if (checks.some(([, , passed]) => !passed)) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (require.main === module) {
  const [first, second, third] = process.argv.slice(2);
  if (first === '--rebuild' || first === '--seed') {
    if (!second) throw new Error(`usage: projections.bench.ts ${first} <database file> [events]`);
    if (first === '--rebuild') void rebuild(second);
    else {
      const dir = mkdtempSync(join(tmpdir(), 'certcycle-projections-seed-'));
      void seed(dir, second, Number(third ?? 300_000)).finally(() =>
        rmSync(dir, { recursive: true, force: true }),
      );
    }
  } else {
    void main(Number(first ?? 300_000));
  }
}
