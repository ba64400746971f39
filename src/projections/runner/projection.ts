import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '../../eventstore';
import type { AggregateFold, BatchStates } from './aggregate-states';

/** A read model in SQLite, fed by the event log. Handlers are pure writes to `db`: no other I/O. */
export interface Projection {
  readonly name: string;
  /** Bump when tables or handling change: the runner then rebuilds the projection from position 0. */
  readonly version: number;
  /** Creates the projection's tables, and the indexes its own writes read, if they do not exist. */
  setup(db: Database): void;
  /**
   * The indexes only queries read, by name: `CREATE INDEX IF NOT EXISTS` statements. The runner
   * leaves them out while it replays the projection from position 0 and builds each at the end of
   * the catch-up, in one sort, instead of updating it row by row.
   */
  readonly queryIndexes?: Readonly<Record<string, string>>;
  /** Deletes every row of the projection (before a rebuild). */
  reset(db: Database): void;
  /** The aggregates whose states `applyBatch` reads; the runner folds them from the log. */
  readonly folds?: readonly AggregateFold[];
  /**
   * Streams outside the batch whose states `applyBatch` will read, named from the batch's states
   * (e.g. the certificate of an audit cycle). Called before the batch's transaction; reads only.
   */
  streamsToFold?(
    events: readonly RecordedEvent[],
    states: BatchStates,
    db: Database,
  ): Iterable<string>;
  /**
   * Applies the events of one batch, in order, inside the runner's transaction. `states` holds
   * every folded stream of the batch as of its last event.
   */
  applyBatch(events: readonly RecordedEvent[], db: Database, states: BatchStates): void;
  /** Forgets whatever the projection kept in memory: its batch's transaction was rolled back. */
  rollback?(db: Database): void;
}

/** A projection's `applyBatch` from a handler of one event at a time. */
export const eachEvent =
  (apply: (event: RecordedEvent, db: Database) => void) =>
  (events: readonly RecordedEvent[], db: Database): void => {
    for (const event of events) apply(event, db);
  };
