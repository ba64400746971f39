import type { Database } from 'better-sqlite3';

export interface StoredCheckpoint {
  version: number;
  position: string | null;
}

/** Checkpoints live beside the read models and are written in the same transaction as their rows. */
export const checkpointTable = (db: Database) => {
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    position TEXT
  ) STRICT`);
  const select = db.prepare<[string], StoredCheckpoint>(
    'SELECT version, position FROM projection_checkpoints WHERE name = ?',
  );
  const upsert = db.prepare<[string, number, string | null]>(
    `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position`,
  );
  return {
    read: (name: string): StoredCheckpoint | undefined => select.get(name),
    write: (name: string, version: number, position: string | null): void => {
      upsert.run(name, version, position);
    },
  };
};
