import type { Database } from 'better-sqlite3';
import type { CheckpointStore } from '../../src/application';
import { checkpointTable } from '../../src/projections/runner/checkpoints';

/** The composition root's checkpoint store: the projections' checkpoint table, version 1. */
export const sqliteCheckpointStore = (db: Database): CheckpointStore => {
  const table = checkpointTable(db);
  return {
    read: (name) => table.read(name)?.position ?? null,
    write: (name, position) => table.write(name, 1, position),
  };
};
