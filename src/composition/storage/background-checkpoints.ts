import { Worker } from 'node:worker_threads';

/** How often the worker copies what the WAL holds into the database file, unless told. */
const DEFAULT_INTERVAL_MS = 50;

/**
 * The worker, as source: it has to run from the compiled service and from the TypeScript of the
 * tests alike. Its connection checkpoints with synchronous=FULL (the WAL is synced before its
 * frames are copied, the database file after) and never waits for a lock: a PASSIVE checkpoint
 * copies what no reader still needs and leaves the rest for the next round.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// SQLite's errors reach the parent as their code alone: rethrown as plain errors with the message.
const guarded = (work) => {
  try {
    return work();
  } catch (error) {
    throw new Error(error.code ? error.message + ' (' + error.code + ')' : error.message);
  }
};
const db = guarded(() => new Database(workerData.file, { fileMustExist: true }));
db.pragma('synchronous = FULL');
let timer;
const checkpoint = () => {
  guarded(() => db.pragma('wal_checkpoint(PASSIVE)'));
  timer = setTimeout(checkpoint, workerData.intervalMs);
};
parentPort.once('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
checkpoint();
`;

export interface BackgroundCheckpoints {
  /** Stops the worker and closes its connection (so that the last connection to close can remove the WAL). */
  stop(): Promise<void>;
}

/**
 * Checkpoints the WAL of `file` from a worker thread with a connection of its own. SQLite's own
 * checkpoint runs in the thread that commits: under the API bench's mutations it copied pages and
 * waited 25 ms at a time on average for the database file's fsync, with the event loop blocked. The
 * committing connection keeps its automatic checkpoint as the fallback should the worker fail or
 * fall behind; `onError` hears of a worker that stopped.
 */
export const startBackgroundCheckpoints = (
  file: string,
  onError: (error: Error) => void,
  intervalMs = DEFAULT_INTERVAL_MS,
): BackgroundCheckpoints => {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), intervalMs },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', onError);
  return {
    stop: async () => {
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
};
