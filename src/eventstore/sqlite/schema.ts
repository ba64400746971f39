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

/** Durable settings every connection to the event store must have; asserted, not assumed. */
export const configureConnection = (db: Database.Database, busyTimeoutMs: number): void => {
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  const journalMode = db.pragma('journal_mode = WAL', { simple: true });
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
