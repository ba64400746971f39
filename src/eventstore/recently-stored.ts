/**
 * A map that keeps the `limit` entries stored most recently, dropping the oldest store first.
 * Readers of the log keep folded states and events in it (stream contents never change once
 * written, so they never need invalidating); the read models' caches keep query results in it.
 */
export class RecentlyStored<Key, Value> {
  private readonly entries = new Map<Key, Value>();

  constructor(private readonly limit: number) {}

  get(key: Key): Value | undefined {
    return this.entries.get(key);
  }

  /** Stores `value` as the newest entry, dropping the oldest one beyond the limit. */
  set(key: Key, value: Value): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(key: Key): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
