import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent } from '../src/eventstore';
import { READ_STREAM } from './store-readers';

/**
 * Benchmark of the embedded SQLite event store, durable (WAL, synchronous=FULL), against the
 * targets of issue 2. Run with `npm run bench:store`.
 */
const PREFILL = 100_000;
const REPLAY_TOTAL = 1_000_000;
const SINGLE_APPENDS = 3_000;
const ROUNDS = 4;

const certificateEvent = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'CertificateIssued',
  data: {
    certificateId: `cert-${n}`,
    organisationId: `org-${n % 997}`,
    standard: { identifier: 'ISO 9001', version: '2015' },
    issuedOn: '2025-03-20',
    expiresOn: '2028-03-19',
    scope: 'Design and manufacture of precision machined components for the automotive industry',
  },
  metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: 'user:bench' },
});

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (count: number, elapsed: number): string =>
  `${Math.round(count / elapsed).toLocaleString('en')}/s`;

/** Bulk pre-fill straight into the events table, 1,000-event streams, one transaction per 50,000. */
const bulkFill = (store: SqliteEventStore, from: number, to: number) => {
  const insert = store.db.prepare(
    'INSERT INTO events (id, stream, version, category, type, data, metadata) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const recordedAt = new Date().toISOString();
  const fill = store.db.transaction((first: number, last: number) => {
    for (let n = first; n < last; n += 1) {
      const { id, type, data, metadata } = certificateEvent(n);
      insert.run(
        id,
        `certificate-load${Math.floor(n / 1000)}`,
        (n % 1000) + 1,
        'certificate',
        type,
        JSON.stringify(data),
        JSON.stringify({ ...metadata, recordedAt, schemaVersion: 1 }),
      );
    }
  });
  for (let n = from; n < to; n += 50_000) fill.immediate(n, Math.min(n + 50_000, to));
};

const PLAIN_TABLE = `
  CREATE TABLE plain_events (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    stream TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    category TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    UNIQUE (stream, version)
  );
  CREATE INDEX plain_events_by_category ON plain_events (category, position);
  CREATE INDEX plain_events_by_type ON plain_events (type, position);
  INSERT INTO plain_events SELECT * FROM events;
`;

/** Single-event appends with an exact expected version vs plain autocommit INSERTs of the same rows. */
const compareAppends = async (store: SqliteEventStore) => {
  store.db.exec(PLAIN_TABLE);
  const insert = store.db.prepare(
    'INSERT INTO plain_events (id, stream, version, category, type, data, metadata) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const streams = Array.from({ length: 10 }, (_, i) => `certificate-append${i}`);
  const rows = Array.from({ length: SINGLE_APPENDS }, (_, n) => ({
    stream: streams[n % streams.length]!,
    version: Math.floor(n / streams.length) + 1,
    event: certificateEvent(n),
  }));
  const plainRows = rows.map(({ stream, version, event }) => [
    event.id,
    stream,
    version,
    'certificate',
    event.type,
    JSON.stringify(event.data),
    JSON.stringify({ ...event.metadata, recordedAt: new Date().toISOString(), schemaVersion: 1 }),
  ]);
  let storeTime = 0;
  let plainTime = 0;
  const perRound = SINGLE_APPENDS / ROUNDS;
  for (let round = 0; round < ROUNDS; round += 1) {
    const slice = [round * perRound, (round + 1) * perRound] as const;
    const runStore = async () => {
      const start = process.hrtime.bigint();
      for (const { stream, version, event } of rows.slice(...slice)) {
        await store.appendToStream(stream, [event], { expectedVersion: version - 1 });
      }
      storeTime += seconds(start);
    };
    const runPlain = () => {
      const start = process.hrtime.bigint();
      for (const row of plainRows.slice(...slice)) insert.run(...row);
      plainTime += seconds(start);
    };
    if (round % 2 === 0) {
      await runStore();
      runPlain();
    } else {
      runPlain();
      await runStore();
    }
  }
  store.db.exec('DROP TABLE plain_events');
  return { storeRate: SINGLE_APPENDS / storeTime, plainRate: SINGLE_APPENDS / plainTime };
};

interface ReadMeasurements {
  replay: {
    count: number;
    elapsed: number;
    cpuSeconds: number;
    rssBefore: number;
    peakRss: number;
  };
  latency: { iterations: number; p50: number; p99: number };
}

/** Replay and readStream latency, measured in a fresh process (see store-readers.ts). */
const measureReads = (file: string): ReadMeasurements => {
  const child = spawnSync(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), join(__dirname, 'store-readers.ts'), file],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`store-readers failed with status ${child.status}`);
  return JSON.parse(child.stdout) as ReadMeasurements;
};

const main = async () => {
  const directory = mkdtempSync(join(tmpdir(), 'certcycle-bench-'));
  const file = join(directory, 'events.db');
  const store = new SqliteEventStore(file);
  const results: [string, string, boolean][] = [];
  try {
    console.log(`store in ${directory} (journal_mode=WAL, synchronous=FULL)`);
    console.log(
      `machine: ${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    let start = process.hrtime.bigint();
    bulkFill(store, 0, PREFILL);
    console.log(
      `pre-filled ${PREFILL.toLocaleString('en')} events in ${seconds(start).toFixed(1)} s`,
    );

    const { storeRate, plainRate } = await compareAppends(store);
    const ratio = storeRate / plainRate;
    console.log(
      `\n(1) ${SINGLE_APPENDS} single-event appends, exact expected version: ` +
        `${Math.round(storeRate)}/s; plain INSERT autocommit: ${Math.round(plainRate)}/s; ` +
        `ratio ${ratio.toFixed(2)}`,
    );
    results.push(['append rate vs plain INSERT >= 0.6x', ratio.toFixed(2) + 'x', ratio >= 0.6]);

    start = process.hrtime.bigint();
    const stored = store.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    bulkFill(store, PREFILL, PREFILL + REPLAY_TOTAL - stored);
    console.log(
      `\nfilled to ${REPLAY_TOTAL.toLocaleString('en')} events in ${seconds(start).toFixed(1)} s`,
    );
    await store.appendToStream(
      READ_STREAM,
      Array.from({ length: 50 }, (_, n) => certificateEvent(n)),
      { expectedVersion: 'no_stream' },
    );
    const { replay, latency } = measureReads(file);
    const replayRate = replay.count / replay.elapsed;
    console.log(
      `(2) readAll replay: ${replay.count.toLocaleString('en')} events in ` +
        `${replay.elapsed.toFixed(2)} s = ${rate(replay.count, replay.elapsed)}; ` +
        `RSS before ${mb(replay.rssBefore)}, peak ${mb(replay.peakRss)} ` +
        `(CPU time ${replay.cpuSeconds.toFixed(2)} s = ${rate(replay.count, replay.cpuSeconds)} per CPU second)`,
    );
    results.push([
      'readAll replay >= 200,000 events/s',
      rate(replay.count, replay.elapsed),
      replayRate >= 200_000 && replay.count >= REPLAY_TOTAL,
    ]);
    console.log(
      `\n(3) readStream of a 50-event stream, ${latency.iterations} reads: ` +
        `p50 ${latency.p50.toFixed(3)} ms, p99 ${latency.p99.toFixed(3)} ms`,
    );
    results.push(['peak RSS during replay < 300 MB', mb(replay.peakRss), replay.peakRss < 300e6]);

    results.push([
      'readStream 50 events p99 < 1 ms',
      `${latency.p99.toFixed(3)} ms`,
      latency.p99 < 1,
    ]);
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }

  console.log(`\nsummary (load average at the end ${loadavg()[0]!.toFixed(1)})`);
  for (const [target, measured, passed] of results) {
    console.log(`  ${passed ? 'PASS' : 'FAIL'}  ${target.padEnd(40)} ${measured}`);
  }
  if (results.some(([, , passed]) => !passed)) process.exitCode = 1;
};

void main();
