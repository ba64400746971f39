import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import {
  type EventStore,
  PositionWaiter,
  PositionWaitStoppedError,
  type ReconnectingSubscription,
  type ReconnectOptions,
  reconnectingSubscription,
  type RecordedEvent,
} from '../../eventstore';
import { AggregateStates, type BatchStates } from './aggregate-states';
import { readModelsChanged } from '../support/read-cache';
import { checkpointTable } from './checkpoints';
import type { Projection } from './projection';
import { ReadModelTimeoutError } from './read-model-timeout-error';

export interface ProjectionRunnerOptions {
  store: EventStore;
  db: Database;
  projections: readonly Projection[];
  /** Events per transaction (default 5000). */
  batchSize?: number;
  /**
   * Streams one catch-up batch may touch (default 2000): a batch holds the folded states of all its
   * streams at once. Where each event touches a different old aggregate, a 5,000-event batch folds
   * 5,000 streams read from the log: a rebuild of such a log peaked at 443 MB of RSS, and at 376 MB
   * with this cut. The bench's log, in order, touches about 1,040 streams per 5,000 events.
   */
  maxStreamsPerBatch?: number;
  /** How the live subscription follows the log again after a transient event-store failure. */
  reconnect?: ReconnectOptions;
}

/** The longest start of `events` that touches at most `limit` streams (never empty). */
const withinStreams = (
  events: readonly RecordedEvent[],
  limit: number,
): readonly RecordedEvent[] => {
  const streams = new Set<string>();
  for (let index = 0; index < events.length; index++) {
    streams.add(events[index]!.stream);
    if (streams.size > limit && index > 0) return events.slice(0, index);
  }
  return events;
};

/**
 * WAL pages between automatic checkpoints during a catch-up: at most about 400 MB of WAL with
 * 4 KiB pages. A rebuild of 1.48M events ran at 14,892 events/s, against 10,871 with SQLite's
 * 1,000 (one run each).
 */
const CATCH_UP_CHECKPOINT_PAGES = 100_000;

/** The page cache while query indexes are built (KiB): it also bounds each sort's memory. */
const INDEX_BUILD_CACHE_KIB = 8192;

const dropQueryIndexes = (db: Database, projection: Projection): void => {
  for (const name of Object.keys(projection.queryIndexes ?? {})) {
    db.exec(`DROP INDEX IF EXISTS ${name}`);
  }
};

export type ProgressListener = (applied: number, position: string) => void;

export interface CatchUpOptions {
  onProgress?: ProgressListener;
  /** Called before the query indexes are built, after the last event. */
  onIndexing?: () => void;
  /** Stops the catch-up before its next batch, rejecting with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Feeds every projection from one subscription: each batch is applied and every checkpoint moved
 * in one transaction, and each projection skips events at or below its own checkpoint. The
 * aggregate states projections read are folded once per batch, from the log (`AggregateStates`).
 */
export class ProjectionRunner {
  private readonly store: EventStore;
  private readonly db: Database;
  private readonly projections: readonly Projection[];
  private readonly batchSize: number;
  private readonly maxStreamsPerBatch: number;
  private readonly checkpoints: ReturnType<typeof checkpointTable>;
  private readonly states: AggregateStates;
  private readonly positions = new Map<string, string | null>();
  private readonly waiter = new PositionWaiter(
    (position, timeoutMs) => new ReadModelTimeoutError(position, timeoutMs),
  );
  private readonly reconnect: ReconnectOptions;
  private subscription: ReconnectingSubscription | null = null;
  private live = false;
  private failure: unknown = null;

  constructor({
    store,
    db,
    projections,
    batchSize = 5000,
    maxStreamsPerBatch = 2000,
    reconnect = {},
  }: ProjectionRunnerOptions) {
    this.reconnect = reconnect;
    this.store = store;
    this.db = db;
    this.projections = projections;
    this.batchSize = batchSize;
    this.maxStreamsPerBatch = maxStreamsPerBatch;
    this.checkpoints = checkpointTable(db);
    this.states = new AggregateStates(
      store,
      projections.flatMap((projection) => projection.folds ?? []),
    );
    this.db.transaction(() => {
      for (const projection of projections) {
        projection.setup(db);
        const stored = this.checkpoints.read(projection.name);
        if (stored?.version !== projection.version) {
          projection.reset(db);
          this.checkpoints.write(projection.name, projection.version, null);
        }
        const position = stored?.version === projection.version ? stored.position : null;
        this.positions.set(projection.name, position);
        if (position === null) dropQueryIndexes(db, projection);
      }
      this.createQueryIndexes(projections.filter((p) => this.positions.get(p.name) !== null));
    })();
    readModelsChanged(db);
  }

  /** The position every projection has reached (null: none yet). */
  get position(): string | null {
    let lowest: string | null | undefined;
    for (const position of this.positions.values()) {
      if (lowest === undefined || position === null || (lowest !== null && position < lowest)) {
        lowest = position;
      }
    }
    return lowest ?? null;
  }

  /** True once the runner has caught up with the log and follows it live (not reconnecting). */
  get isLive(): boolean {
    return this.live && this.failure === null && !this.subscription?.reconnecting;
  }

  get error(): unknown {
    return this.failure;
  }

  /**
   * Settles when the runner stops following the log: resolves on `stop`, rejects with the error
   * that stopped it for good (resolved before `start`).
   */
  get done(): Promise<void> {
    return this.subscription?.done ?? Promise.resolve();
  }

  /** Deletes the rows of the named projections (all when none named) so they replay from 0. */
  reset(names?: readonly string[]): void {
    const chosen = this.projections.filter((p) => !names || names.includes(p.name));
    const unknown = names?.filter((name) => !this.projections.some((p) => p.name === name)) ?? [];
    if (unknown.length > 0) {
      const known = this.projections.map((p) => p.name).join(', ');
      throw new Error(`unknown projection ${unknown.join(', ')} (known: ${known})`);
    }
    this.db.transaction(() => {
      for (const projection of chosen) {
        projection.reset(this.db);
        dropQueryIndexes(this.db, projection);
        this.checkpoints.write(projection.name, projection.version, null);
        this.positions.set(projection.name, null);
      }
    })();
    readModelsChanged(this.db);
  }

  /**
   * Reads the log up to its end, in batches (cut where they would touch more than
   * `maxStreamsPerBatch` streams), then builds the query indexes that a replay from position 0
   * left out (`onIndexing` is called first); returns the number of events applied. Each batch
   * starts on a new turn of the event loop, so requests (`/healthz`, `/readyz`) and signals are
   * served meanwhile: on SQLite, reading and applying a batch never waits for I/O. Meanwhile
   * SQLite checkpoints the WAL every CATCH_UP_CHECKPOINT_PAGES pages instead of every 1,000: a
   * page the batches write again and again is copied into the database file once per checkpoint.
   * The connection's own setting comes back afterwards unless it was changed meanwhile (the
   * background checkpoints' fallback, when their worker stops, must stay).
   */
  async catchUp({ onProgress, onIndexing, signal }: CatchUpOptions = {}): Promise<number> {
    const checkpointPages = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    const raised = Math.max(checkpointPages, CATCH_UP_CHECKPOINT_PAGES);
    this.db.pragma(`wal_autocheckpoint = ${raised}`);
    try {
      let applied = 0;
      let read: readonly RecordedEvent[] = [];
      for (;;) {
        await nextTurn();
        signal?.throwIfAborted();
        const after = this.position;
        if (read.length === 0) read = await this.store.readAll({ after, limit: this.batchSize });
        const events = withinStreams(read, this.maxStreamsPerBatch);
        read = read.slice(events.length);
        const last = events.at(-1);
        if (!last) {
          onIndexing?.();
          this.createQueryIndexes(this.projections);
          return applied;
        }
        await this.applyBatch(events, after, last.position);
        applied += events.length;
        onProgress?.(applied, last.position);
      }
    } finally {
      if (this.db.pragma('wal_autocheckpoint', { simple: true }) === raised) {
        this.db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
      }
    }
  }

  /**
   * Creates the projections' query indexes that do not exist, with the page cache shrunk to
   * INDEX_BUILD_CACHE_KIB meanwhile: SQLite sizes the sort behind CREATE INDEX by the page cache,
   * and a rebuild's peak RSS came from those sorts (≈ 65 MB more with a 64 MiB cache).
   */
  private createQueryIndexes(projections: readonly Projection[]): void {
    const exists = this.db.prepare<[string]>(
      "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?",
    );
    const missing = projections
      .flatMap((projection) => Object.entries(projection.queryIndexes ?? {}))
      .filter(([name]) => exists.get(name) === undefined);
    if (missing.length === 0) return;
    const cacheSize = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = -${INDEX_BUILD_CACHE_KIB}`);
    try {
      this.db.transaction(() => {
        for (const [, sql] of missing) this.db.exec(sql);
      })();
    } finally {
      this.db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  /**
   * Catches up, then follows the log live (unless `signal` was aborted meanwhile). After a
   * transient event-store failure it catches up again from its checkpoints and follows on.
   */
  async start(signal?: AbortSignal): Promise<void> {
    await this.catchUp({ signal });
    this.subscription = reconnectingSubscription({
      ...this.reconnect,
      subscribe: () =>
        this.store.subscribe(
          { after: this.position, batchSize: this.batchSize },
          (events, checkpoint) => this.applyBatch(events, this.position, checkpoint),
        ),
      catchUp: () => this.catchUp(),
    });
    this.live = true;
    this.subscription.done.catch((error: unknown) => {
      this.failure = error;
      this.live = false;
      this.waiter.stop(new PositionWaitStoppedError('the read models', error));
    });
  }

  async stop(): Promise<void> {
    this.live = false;
    await this.subscription?.close();
    this.subscription = null;
  }

  /** Resolves once every projection has applied the event at `position` (read-your-writes). */
  async waitFor(position: string, timeoutMs: number): Promise<void> {
    this.waiter.advance(this.position);
    return this.waiter.waitFor(position, timeoutMs);
  }

  /**
   * Folds the batch's streams (reading the log where needed) for the projections it is due to,
   * then applies it in one transaction.
   */
  private async applyBatch(
    events: readonly RecordedEvent[],
    after: string | null,
    checkpoint: string,
  ): Promise<void> {
    const due = this.projections.filter((projection) => {
      const from = this.positions.get(projection.name) ?? null;
      return from === null || from < checkpoint;
    });
    const states = await this.states.prepare(events, after, checkpoint, {
      folds: due.flatMap((projection) => projection.folds ?? []),
      extra: (batch) =>
        due.flatMap((projection) => [
          ...(projection.streamsToFold?.(events, batch, this.db) ?? []),
        ]),
    });
    try {
      this.withoutFsync(() => this.applyInTransaction(due, events, checkpoint, states));
    } catch (error) {
      for (const projection of this.projections) projection.rollback?.(this.db);
      throw error;
    } finally {
      readModelsChanged(this.db);
    }
    for (const projection of due) this.positions.set(projection.name, checkpoint);
    this.waiter.advance(this.position);
  }

  /**
   * Runs `work` with synchronous=NORMAL, then restores the connection's setting (the embedded
   * event store shares it and needs FULL). In WAL mode a NORMAL commit is atomic but not flushed:
   * the next FULL commit (or checkpoint) makes it durable. A projection batch lost to a power cut
   * takes its checkpoint with it, so its events are applied again on restart.
   */
  private withoutFsync(work: () => void): void {
    const setting = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = NORMAL');
    try {
      work();
    } finally {
      this.db.pragma(`synchronous = ${setting}`);
    }
  }

  private applyInTransaction(
    due: readonly Projection[],
    events: readonly RecordedEvent[],
    checkpoint: string,
    states: BatchStates,
  ): void {
    this.db.transaction(() => {
      for (const projection of due) {
        const from = this.positions.get(projection.name) ?? null;
        const fresh = from === null ? events : events.filter((event) => event.position > from);
        projection.applyBatch(fresh, this.db, states);
        this.checkpoints.write(projection.name, projection.version, checkpoint);
      }
    })();
  }
}
