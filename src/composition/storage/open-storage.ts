import path from 'node:path';
import Database from 'better-sqlite3';
import { type Config, ConfigError } from '../../config';
import {
  EventStoreDBEventStore,
  type EventStore,
  SqliteEventStore,
  walMode,
} from '../../eventstore';
import { startBackgroundCheckpoints } from './background-checkpoints';
import { damagedStoreOr } from './damaged-store-error';
import { checkEventStoreMatches } from './event-store-mismatch';
import { readModelsFile } from './read-models-file';
import { type DataDirLock, lockDataDir, makeDataDir } from './data-dir-lock';
import { unreadableEventStore } from './event-store-unreadable-error';
import { checkWritableDatabase } from './writable-data-dir';

/** The event store and the SQLite database of the read models (and API keys). */
export interface Storage {
  readonly store: EventStore;
  readonly readModels: Database.Database;
  /** Says where the events are, for the start-up log. */
  readonly description: string;
  /** The number of events in the log when it is cheap to count (embedded store), else null. */
  countEvents(): number | null;
  close(): Promise<void>;
}

/**
 * SQLite's page cache for the read-model connection (64 MiB instead of the 2 MiB default): lookups
 * by id and projection writes land on random pages of tables holding 100,000s of rows. It counts
 * in the service's RSS: the API bench's scenarios peaked at 429 MB with it and 386 MB with 32 MiB
 * before node's heap was bounded (`npm start`: --max-old-space-size=512), 232 MB with 32 MiB after.
 */
const READ_MODEL_CACHE_KIB = 64 * 1024;

/**
 * The WAL size (pages) at which the read-model connection checkpoints by itself, in the thread
 * that serves: the worker of `startBackgroundCheckpoints` keeps the WAL far smaller unless it
 * failed or fell behind.
 */
const FALLBACK_CHECKPOINT_PAGES = 10_000;

/** SQLite's own checkpoint interval (pages), for when the worker failed. */
const DEFAULT_CHECKPOINT_PAGES = 1000;

/** How long the read-model connection waits for another connection's lock. */
const BUSY_TIMEOUT_MS = 5000;

/** A connection to a read-model file, creating the data directory if needed. */
export const openReadModels = (file: string): Database.Database => {
  makeDataDir(path.dirname(file));
  checkWritableDatabase(file);
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    walMode(db, BUSY_TIMEOUT_MS);
    db.pragma(`cache_size = -${READ_MODEL_CACHE_KIB}`);
  } catch (error) {
    db.close();
    throw damagedStoreOr(error, file);
  }
  return db;
};

export interface OpenStorageOptions {
  /** Names the opener in the error when the data directory is locked (default `certcycle`). */
  what?: string;
  /** Hears of a background checkpoint worker that failed (default: standard error). */
  warn?: (line: string) => void;
  /** Abandons the opening (rejecting with its reason) while EventStoreDB has not answered. */
  signal?: AbortSignal;
  /** How often the background worker checkpoints the read models' WAL (default 50 ms). */
  checkpointIntervalMs?: number;
}

/**
 * The store and the read models of the configured data directory, locked for this process
 * (`lockDataDir`) until `close`. An EventStoreDB must answer before the data directory is touched:
 * one that does not (or refuses to let this connection read the log), or an opening abandoned
 * meanwhile, leaves the directory as it was, rather than with a read-model file that later
 * commands would take for a store.
 */
export const openStorage = async (
  config: Config,
  {
    what = 'certcycle',
    warn = (line) => console.error(line),
    signal,
    checkpointIntervalMs,
  }: OpenStorageOptions = {},
): Promise<Storage> => {
  signal?.throwIfAborted();
  checkEventStoreMatches(config);
  const eventStoreDB =
    config.eventStore === 'eventstoredb' && config.eventStoreConnectionString
      ? eventStoreDBClient(config.eventStoreConnectionString)
      : null;
  let lock: DataDirLock | undefined;
  try {
    await eventStoreDB?.checkReachable(undefined, signal).catch((error: unknown) => {
      throw signal?.aborted ? error : unreadableEventStore(error);
    });
    lock = lockDataDir(config.dataDir, what);
    const storage = eventStoreDB
      ? besideEventStoreDB(config, eventStoreDB, lock)
      : embeddedStorage(config, lock);
    return withBackgroundCheckpoints(storage, warn, checkpointIntervalMs);
  } catch (error) {
    lock?.release();
    await eventStoreDB?.close().catch(() => undefined);
    throw error;
  }
};

/**
 * The EventStoreDB client, made before the data directory is touched (it connects on first use);
 * a connection string it cannot parse is a setting to fix.
 */
const eventStoreDBClient = (connectionString: string): EventStoreDBEventStore => {
  try {
    return new EventStoreDBEventStore(connectionString);
  } catch (error) {
    throw new ConfigError(
      `EVENTSTORE_CONNECTION_STRING is not an EventStoreDB connection string: ${(error as Error).message}`,
    );
  }
};

/** Moves the read-model file's WAL checkpoints off the serving thread until `close`. */
const withBackgroundCheckpoints = (
  storage: Storage,
  warn: (line: string) => void,
  intervalMs: number | undefined,
): Storage => {
  storage.readModels.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  const checkpoints = startBackgroundCheckpoints(
    storage.readModels.name,
    (error) => {
      if (storage.readModels.open) {
        storage.readModels.pragma(`wal_autocheckpoint = ${DEFAULT_CHECKPOINT_PAGES}`);
      }
      warn(
        `certcycle: background WAL checkpoints stopped (${error.message}); ` +
          'the serving thread checkpoints instead',
      );
    },
    intervalMs,
  );
  return {
    ...storage,
    close: async () => {
      await checkpoints.stop();
      await storage.close();
    },
  };
};

const besideEventStoreDB = (
  config: Config,
  store: EventStoreDBEventStore,
  lock: DataDirLock,
): Storage => {
  const readModels = openReadModels(readModelsFile(config));
  return {
    store,
    readModels,
    description: `EventStoreDB, read models in ${readModels.name}`,
    countEvents: () => null,
    close: async () => {
      await store.close();
      readModels.close();
      lock.release();
    },
  };
};

const embeddedStorage = (config: Config, lock: DataDirLock): Storage => {
  const readModels = openReadModels(readModelsFile(config));
  let store: SqliteEventStore;
  try {
    store = new SqliteEventStore(readModels);
  } catch (error) {
    readModels.close();
    throw damagedStoreOr(error, readModels.name);
  }
  // Positions are the rowids of an append-only table, given in order from 1: the highest is the
  // count, read from the end of the table where count(*) reads a whole index (0.1–1 s at 1.5M).
  const count = readModels.prepare<[], { n: number }>(
    'SELECT coalesce(max(position), 0) AS n FROM events',
  );
  return {
    store,
    readModels,
    description: `embedded SQLite store ${readModels.name}`,
    countEvents: () => count.get()?.n ?? 0,
    close: async () => {
      await store.close();
      readModels.close();
      lock.release();
    },
  };
};
