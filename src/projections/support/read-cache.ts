import type { Database } from 'better-sqlite3';
import { RecentlyStored } from '../../eventstore';

/** How many times each database's read models have changed (in this process). */
const changes = new WeakMap<Database, number>();

/**
 * Says that the read models of `db` may have changed: every `ReadCache` of `db` forgets what it
 * holds before its next read. The projection runner calls it after each batch it applies (or
 * fails to apply) and after each reset; nothing else in a process writes the read models.
 */
export const readModelsChanged = (db: Database): void => {
  changes.set(db, (changes.get(db) ?? 0) + 1);
};

/** A number that changes whenever the read models of `db` may have changed. */
export const readModelsGeneration = (db: Database): number => changes.get(db) ?? 0;

/**
 * Values read from the read models of one database, kept until they change. Queries that many
 * callers repeat (the first page of upcoming deadlines on every dashboard, the certificates and
 * organisations its rows link to) are answered from memory until the next batch of events is
 * applied. Bounded: the values stored least recently are dropped first. Values are shared between
 * requests, so callers must not change them.
 */
export class ReadCache<Key, Value> {
  private readonly entries: RecentlyStored<Key, Value>;
  private seen = -1;

  constructor(
    private readonly db: Database,
    capacity: number,
  ) {
    this.entries = new RecentlyStored(capacity);
  }

  /** The value of `key`, read with `read` unless kept since the read models last changed. */
  get(key: Key, read: () => Value): Value {
    const entries = this.current();
    const kept = entries.get(key);
    if (kept !== undefined) return kept;
    const value = read();
    entries.set(key, value);
    return value;
  }

  /** The values of `keys`; those not kept are read together, with one call of `read`. */
  getMany(keys: readonly Key[], read: (missing: readonly Key[]) => ReadonlyMap<Key, Value>) {
    const entries = this.current();
    const found = new Map<Key, Value>();
    const missing: Key[] = [];
    for (const key of keys) {
      const kept = entries.get(key);
      if (kept !== undefined) found.set(key, kept);
      else missing.push(key);
    }
    if (missing.length === 0) return found;
    for (const [key, value] of read([...new Set(missing)])) {
      entries.set(key, value);
      found.set(key, value);
    }
    return found;
  }

  private current(): RecentlyStored<Key, Value> {
    const now = readModelsGeneration(this.db);
    if (now !== this.seen) {
      this.entries.clear();
      this.seen = now;
    }
    return this.entries;
  }
}
