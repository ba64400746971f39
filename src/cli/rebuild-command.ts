import type { Config } from '../config';
import { openStorage } from '../composition/storage';
import { allProjections, ProjectionRunner } from '../projections';
import type { CommandOutput } from './api-key-commands';
import { existingStoreFile } from './existing-store';
import { formatNumber, type ProgressOutput, progressBar } from './progress-bar';
import { RebuildInterruptedError } from './rebuild-interrupted-error';
import { UsageError } from './usage-error';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * How often a rebuild's worker checkpoints the WAL into the database file (the service's is 50 ms):
 * each checkpoint copies and syncs every page written since the last one, and a rebuild's batches
 * write the same table and index pages again and again. On run 47's store (1.5M events), 2 s
 * instead of 50 ms halved what the rebuild wrote to disk (8.9–9.3 GB against 19.2–19.4 GB) and
 * its peak RSS fell from 336–356 MiB to 318–320 MiB; its time moved within the VM's noise.
 */
const REBUILD_CHECKPOINT_INTERVAL_MS = 2000;

/** The projections `rebuild [projection...]` names (all by default), or a UsageError. */
export const rebuildProjectionNames = (argv: readonly string[]): string[] => {
  const options = argv.filter((argument) => argument.startsWith('-'));
  if (options.length > 0) throw new UsageError(`unknown option ${options.join(' ')}`);
  const known = allProjections.map((projection) => projection.name);
  const unknown = argv.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`unknown projection ${unknown.join(', ')} (known: ${known.join(', ')})`);
  }
  return argv.length > 0 ? [...new Set(argv)] : known;
};

/**
 * `rebuild [projection...]`: empties the named projections (`rebuildProjectionNames`) and
 * replays the whole log into them. Only the projection runner runs: no reactor, no webhooks. On the embedded store,
 * a data directory without one is refused rather than given a new, empty store; beside an
 * EventStoreDB, a server that does not answer leaves the data directory untouched. The summary says
 * how much of the time went to the query indexes, built after the last event (the progress bar's
 * rate is that of applying events). `signal` stops it before its next batch with a
 * RebuildInterruptedError naming what it leaves unfinished.
 */
export const rebuildCommand = async (
  config: Config,
  names: readonly string[],
  { out, progress, signal }: CommandOutput & { progress: ProgressOutput; signal: AbortSignal },
): Promise<void> => {
  if (config.eventStore === 'sqlite') existingStoreFile(config, 'events to rebuild from');
  /** The signal's abort as a RebuildInterruptedError, any other error as it is. */
  const interruptionOr = (error: unknown, unfinished: readonly string[]): unknown =>
    error === signal.reason ? new RebuildInterruptedError(unfinished) : error;
  const storage = await openStorage(config, {
    what: 'rebuild',
    signal,
    checkpointIntervalMs: REBUILD_CHECKPOINT_INTERVAL_MS,
  }).catch((error: unknown) => {
    throw interruptionOr(error, []);
  });
  try {
    const runner = new ProjectionRunner({
      store: storage.store,
      db: storage.readModels,
      projections: allProjections,
    });
    runner.reset(names);
    const bar = progressBar({ total: storage.countEvents(), output: progress });
    let indexingFrom = performance.now();
    const applied = await runner
      .catchUp({
        onProgress: (done) => bar.update(done),
        onIndexing: () => {
          indexingFrom = performance.now();
        },
        signal,
      })
      .catch((error: unknown) => {
        bar.abandon();
        throw interruptionOr(error, names);
      });
    const indexMs = performance.now() - indexingFrom;
    const elapsedMs = bar.finish(applied);
    const rate = elapsedMs > 0 ? Math.round((applied * 1000) / elapsedMs) : applied;
    out(
      `rebuilt ${names.join(', ')} from ${formatNumber(applied)} events in ${seconds(elapsedMs)} ` +
        `(${formatNumber(rate)} events/s), the last ${seconds(indexMs)} building query indexes`,
    );
  } finally {
    await storage.close();
  }
};
