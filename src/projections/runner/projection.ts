import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '../../eventstore';

/** A read model in SQLite, fed by the event log. Handlers are pure writes to `db`: no other I/O. */
export interface Projection {
  readonly name: string;
  /** Bump when tables or handling change: the runner then rebuilds the projection from position 0. */
  readonly version: number;
  /** Creates the projection's tables and indexes if they do not exist. */
  setup(db: Database): void;
  /** Deletes every row of the projection (before a rebuild). */
  reset(db: Database): void;
  /** Applies one event; runs inside the runner's transaction. */
  apply(event: RecordedEvent, db: Database): void;
  /**
   * Applies the events of one batch, in order, inside the runner's transaction (the runner calls
   * `apply` for each event when absent). Lets a projection fold in memory and write each row once.
   */
  applyBatch?(events: readonly RecordedEvent[], db: Database): void;
  /** Forgets whatever the projection kept in memory: its batch's transaction was rolled back. */
  rollback?(db: Database): void;
}
