import type Database from 'better-sqlite3';

const SYNCHRONOUS_FULL = 2;

/** Tables owned by the event store; other tables in the same file belong to other modules. */
const EVENTS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
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
  CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

export class SqliteConfigurationError extends Error {
  override readonly name = 'SqliteConfigurationError';
}

const isBusy = (error: unknown): boolean => (error as { code?: unknown }).code === 'SQLITE_BUSY';

/** Blocks this thread for `ms` (the connection is being opened synchronously). */
const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * `journal_mode = WAL`, retried until `busyTimeoutMs` has passed: while another connection turns
 * a new file to WAL, SQLite answers SQLITE_BUSY at once instead of calling the busy handler (two
 * processes opening one fresh file failed so 5 times in 300).
 */
export const walMode = (db: Database.Database, busyTimeoutMs: number): unknown => {
  const giveUpAt = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      return db.pragma('journal_mode = WAL', { simple: true });
    } catch (error) {
      if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
      pause(10);
    }
  }
};

/** Durable settings every connection to the event store must have; asserted, not assumed. */
export const configureConnection = (db: Database.Database, busyTimeoutMs: number): void => {
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  const journalMode = walMode(db, busyTimeoutMs);
  if (journalMode !== 'wal') {
    throw new SqliteConfigurationError(
      `${db.name}: journal_mode is ${String(journalMode)}, expected wal (in-memory databases are not supported)`,
    );
  }
  db.pragma('synchronous = FULL');
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== SYNCHRONOUS_FULL) {
    throw new SqliteConfigurationError(
      `${db.name}: synchronous is ${String(synchronous)}, expected ${SYNCHRONOUS_FULL} (FULL)`,
    );
  }
  db.pragma('foreign_keys = ON');
};

export const createEventsSchema = (db: Database.Database): void => {
  db.exec(EVENTS_SCHEMA);
};
