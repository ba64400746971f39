import type { Database, Statement } from 'better-sqlite3';
import { perDatabase } from './per-database';

/** A folded state at a stream version; `stored` is the version its table row holds (0: none). */
export interface FoldedState<S> {
  state: S;
  version: number;
  stored: number;
}

export interface FoldedStatesOptions<S, E> {
  /** Private table name; `<table>_fixed` holds the fixed fields. */
  table: string;
  initial: () => S;
  evolve: (state: S, event: E) => S;
  /** Large top-level fields that rarely change (application, policy): stored apart, rewritten only when replaced. */
  fixedFields?: readonly string[];
}

interface Entry<S> {
  state: S;
  version: number;
}

interface Pending<S> extends FoldedState<S> {
  storedState: S | null;
}

/** Enough for the aggregates a catch-up batch leaves open; each state holds its policy (kilobytes). */
const CACHE_LIMIT = 1000;

type Fields = Record<string, unknown>;

/**
 * Folded aggregate states kept in private tables. Events fold in memory (`apply`); `flush` writes
 * each changed state once, inside the batch's transaction. The cache holds states as written;
 * `rollback` (the batch's transaction failed) forgets the batch and the cache, so the next batch
 * reloads from the tables. A cached state is used only when exactly one version behind the event.
 */
export class FoldedStates<S, E> {
  private readonly fixedFields: readonly string[];
  private readonly statements: (db: Database) => {
    select: Statement<[string], { version: number; state: string; fixed: string | null }>;
    insert: Statement<[string, number, string]>;
    update: Statement<[number, string, string]>;
    upsertFixed: Statement<[string, string]>;
    cache: Map<string, Entry<S>>;
    pending: Map<string, Pending<S>>;
  };

  constructor(private readonly options: FoldedStatesOptions<S, E>) {
    const { table } = options;
    this.fixedFields = options.fixedFields ?? [];
    this.statements = perDatabase((db) => ({
      select: db.prepare(
        `SELECT s.version, s.state, f.fixed FROM ${table} s
         LEFT JOIN ${table}_fixed f ON f.id = s.id WHERE s.id = ?`,
      ),
      insert: db.prepare(`INSERT INTO ${table} (id, version, state) VALUES (?, ?, ?)`),
      update: db.prepare(`UPDATE ${table} SET version = ?, state = ? WHERE id = ?`),
      upsertFixed: db.prepare(
        `INSERT INTO ${table}_fixed (id, fixed) VALUES (?, ?)
         ON CONFLICT (id) DO UPDATE SET fixed = excluded.fixed`,
      ),
      cache: new Map(),
      pending: new Map(),
    }));
  }

  setup(db: Database): void {
    const { table } = this.options;
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
      id TEXT PRIMARY KEY, version INTEGER NOT NULL, state TEXT NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS ${table}_fixed (id TEXT PRIMARY KEY, fixed TEXT NOT NULL) STRICT;`);
  }

  reset(db: Database): void {
    const { table } = this.options;
    db.exec(`DELETE FROM ${table}; DELETE FROM ${table}_fixed;`);
    this.rollback(db);
  }

  /** Starts a batch; states left from a batch that never flushed are forgotten, cache included. */
  begin(db: Database): void {
    if (this.statements(db).pending.size > 0) this.rollback(db);
  }

  /** Folds the event at stream `version`; the new state, or null when that version was already folded. */
  apply(db: Database, id: string, version: number, event: E): FoldedState<S> | null {
    const current = this.current(db, id, version);
    if (version <= current.version) return null;
    current.state = this.options.evolve(current.state, event);
    current.version = version;
    return current;
  }

  /** The latest folded state (null when none), including this batch's events. */
  read(db: Database, id: string): FoldedState<S> | null {
    const { pending } = this.statements(db);
    const entry = pending.get(id) ?? this.load(db, id, null);
    return entry.version === 0 ? null : entry;
  }

  /** The states changed by this batch's events so far. */
  changed(db: Database): IterableIterator<[string, FoldedState<S>]> {
    return this.statements(db).pending.entries();
  }

  /** Writes every state changed by the batch (call inside the batch's transaction). */
  flush(db: Database): void {
    const s = this.statements(db);
    for (const [id, entry] of s.pending) {
      if (entry.version !== entry.stored) this.save(db, id, entry);
      this.remember(s.cache, id, { state: entry.state, version: entry.version });
    }
    s.pending.clear();
  }

  /** Forgets the batch in progress and every cached state. */
  rollback(db: Database): void {
    const s = this.statements(db);
    s.pending.clear();
    s.cache.clear();
  }

  private current(db: Database, id: string, version: number): Pending<S> {
    const { pending } = this.statements(db);
    let entry = pending.get(id);
    if (!entry) {
      entry = this.load(db, id, version - 1);
      pending.set(id, entry);
    }
    return entry;
  }

  private save(db: Database, id: string, entry: Pending<S>): void {
    const s = this.statements(db);
    const [before, next] = [entry.storedState as Fields | null, entry.state as Fields];
    const rest: Fields = {};
    const fixed: Fields = {};
    for (const field in next) {
      if (this.fixedFields.includes(field)) fixed[field] = next[field];
      else rest[field] = next[field];
    }
    if (entry.stored === 0) s.insert.run(id, entry.version, JSON.stringify(rest));
    else s.update.run(entry.version, JSON.stringify(rest), id);
    if (this.fixedFields.some((field) => before?.[field] !== next[field])) {
      s.upsertFixed.run(id, JSON.stringify(fixed));
    }
  }

  /** A cached state is trusted only at the `expected` version (when given); else the table decides. */
  private load(db: Database, id: string, expected: number | null): Pending<S> {
    const { select, cache } = this.statements(db);
    const cached = cache.get(id);
    if (cached && (expected === null || cached.version === expected)) {
      return { ...cached, stored: cached.version, storedState: cached.state };
    }
    const row = select.get(id);
    if (!row) {
      return { state: this.options.initial(), version: 0, stored: 0, storedState: null };
    }
    const state = {
      ...(JSON.parse(row.fixed ?? '{}') as Fields),
      ...(JSON.parse(row.state) as Fields),
    } as S;
    return { state, version: row.version, stored: row.version, storedState: state };
  }

  private remember(cache: Map<string, Entry<S>>, id: string, entry: Entry<S>): void {
    cache.delete(id);
    cache.set(id, entry);
    if (cache.size > CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
  }
}
