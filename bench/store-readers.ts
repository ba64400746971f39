import { SqliteEventStore } from '../src/eventstore';

/**
 * The read side of the store benchmark, run in a fresh process by store.bench.ts so that its
 * RSS and timings are not skewed by the heap left over from filling the store.
 * Prints one JSON line with the measurements.
 */
export const READ_STREAM = 'certificate-read50';
const PAGE = 1_000;
const READ_ITERATIONS = 20_000;
const WARM_UP = 1_000;

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

const replayAll = async (store: SqliteEventStore) => {
  let peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  let count = 0;
  let after: string | null = null;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE });
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const last = page[page.length - 1];
    if (!last) break;
    count += page.length;
    after = last.position;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const elapsed = seconds(start);
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  return { count, elapsed, cpuSeconds: (cpu.user + cpu.system) / 1e6, rssBefore, peakRss };
};

/**
 * Reads the stream from the database each time: a read with `maxCount` is never served from the
 * store's memory of recent streams (only whole-stream reads are kept), which would otherwise
 * answer every read after the first.
 */
const readStreamLatency = async (store: SqliteEventStore) => {
  const samples: number[] = [];
  for (let i = 0; i < READ_ITERATIONS + WARM_UP; i += 1) {
    const start = process.hrtime.bigint();
    const events = await store.readStream(READ_STREAM, { maxCount: 50 });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (events.length !== 50) throw new Error(`read ${events.length} events, expected 50`);
    if (i >= WARM_UP) samples.push(elapsed);
  }
  samples.sort((a, b) => a - b);
  const at = (quantile: number) => samples[Math.floor(quantile * (samples.length - 1))]!;
  return { iterations: READ_ITERATIONS, p50: at(0.5), p99: at(0.99) };
};

const main = async () => {
  const [file] = process.argv.slice(2);
  if (!file) throw new Error('usage: store-readers <database file>');
  const store = new SqliteEventStore(file);
  try {
    const replay = await replayAll(store);
    const latency = await readStreamLatency(store);
    process.stdout.write(`${JSON.stringify({ replay, latency })}\n`);
  } finally {
    await store.close();
  }
};

if (require.main === module) void main();
