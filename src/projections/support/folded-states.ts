import type { Database, Statement } from 'better-sqlite3';
import { perDatabase } from './per-database';

interface Entry<S, Extra> {
  version: number;
  state: S;
  extra: Extra;
}

export interface FoldStep<S, Extra> {
  before: S;
  after: S;
  /** What `derive` made from `before` (cached or recomputed) and from `after`. */
  extraBefore: Extra;
  extraAfter: Extra;
}

const CACHE_LIMIT = 5000;

/**
 * Folded aggregate states kept in a private table, written through on every event, with an
 * in-memory cache of recent states. A cached state is trusted only if it is exactly one version
 * behind the incoming event, so a rolled-back batch or a rebuild always reloads from the table.
 */
export class FoldedStates<S, E, Extra = undefined> {
  private readonly statements: (db: Database) => {
    select: Statement<[string], { version: number; state: string }>;
    upsert: Statement<[string, number, string]>;
    cache: Map<string, Entry<S, Extra>>;
  };

  constructor(
    readonly table: string,
    private readonly initial: () => S,
    private readonly evolve: (state: S, event: E) => S,
    private readonly derive: (db: Database, id: string, state: S) => Extra,
  ) {
    this.statements = perDatabase((db) => ({
      select: db.prepare(`SELECT version, state FROM ${table} WHERE id = ?`),
      upsert: db.prepare(
        `INSERT INTO ${table} (id, version, state) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, state = excluded.state`,
      ),
      cache: new Map(),
    }));
  }

  setup(db: Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (
      id TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL
    ) STRICT`);
  }

  reset(db: Database): void {
    db.exec(`DELETE FROM ${this.table}`);
    this.statements(db).cache.clear();
  }

  /** Applies the event at stream `version`; null when that version was already folded. */
  apply(db: Database, id: string, version: number, event: E): FoldStep<S, Extra> | null {
    const { upsert, cache } = this.statements(db);
    const current = this.load(db, id, version - 1);
    if (version <= current.version) return null;
    const after = this.evolve(current.state, event);
    upsert.run(id, version, JSON.stringify(after));
    const extraAfter = this.derive(db, id, after);
    this.remember(cache, id, { version, state: after, extra: extraAfter });
    return { before: current.state, after, extraBefore: current.extra, extraAfter };
  }

  /** The latest folded state (null when none) and its derived value. */
  read(db: Database, id: string): Entry<S, Extra> | null {
    const entry = this.load(db, id, null);
    return entry.version === 0 ? null : entry;
  }

  /** Recomputes the derived value of a cached or stored state (after an outside fact changed). */
  rederive(db: Database, id: string): Entry<S, Extra> | null {
    const entry = this.read(db, id);
    if (!entry) return null;
    const fresh = { ...entry, extra: this.derive(db, id, entry.state) };
    this.remember(this.statements(db).cache, id, fresh);
    return fresh;
  }

  private load(db: Database, id: string, expected: number | null): Entry<S, Extra> {
    const { select, cache } = this.statements(db);
    const cached = cache.get(id);
    if (cached && expected !== null && cached.version === expected) return cached;
    const row = select.get(id);
    const state = row ? (JSON.parse(row.state) as S) : this.initial();
    const entry = { version: row?.version ?? 0, state, extra: this.derive(db, id, state) };
    if (row) this.remember(cache, id, entry);
    return entry;
  }

  private remember(cache: Map<string, Entry<S, Extra>>, id: string, entry: Entry<S, Extra>): void {
    cache.delete(id);
    cache.set(id, entry);
    if (cache.size > CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
  }
}
