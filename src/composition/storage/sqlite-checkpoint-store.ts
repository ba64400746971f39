import type { Database } from 'better-sqlite3';
import type { CheckpointStore } from '../../application';
import { checkpointTable } from '../../projections';

/** Reactor checkpoints in the projections' checkpoint table (version 1), beside the read models. */
export const sqliteCheckpointStore = (db: Database): CheckpointStore => {
  const table = checkpointTable(db);
  return {
    read: (name) => table.read(name)?.position ?? null,
    write: (name, position) => table.write(name, 1, position),
  };
};
