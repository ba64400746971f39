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

export interface FoldedStatesOptions<S, E, Extra> {
  /** Private table name; `<table>_fixed` holds the fixed fields. */
  table: string;
  initial: () => S;
  evolve: (state: S, event: E) => S;
  /** A value computed from each state (e.g. its deadlines), cached with it. */
  derive: (db: Database, id: string, state: S) => Extra;
  /** Large top-level fields that rarely change (application, policy): stored apart, rewritten only when replaced. */
  fixedFields?: readonly string[];
}

const CACHE_LIMIT = 5000;

type Fields = Record<string, unknown>;

/**
 * Folded aggregate states kept in private tables, written through on every event, with an
 * in-memory cache of recent states. A cached state is trusted only if it is exactly one version
 * behind the incoming event, so a rolled-back batch or a rebuild always reloads from the table.
 */
export class FoldedStates<S, E, Extra = undefined> {
  private readonly fixedFields: readonly string[];
  private readonly statements: (db: Database) => {
    select: Statement<[string], { version: number; state: string; fixed: string | null }>;
    insert: Statement<[string, number, string]>;
    update: Statement<[number, string, string]>;
    upsertFixed: Statement<[string, string]>;
    cache: Map<string, Entry<S, Extra>>;
  };

  constructor(private readonly options: FoldedStatesOptions<S, E, Extra>) {
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
    this.statements(db).cache.clear();
  }

  /** Applies the event at stream `version`; null when that version was already folded. */
  apply(db: Database, id: string, version: number, event: E): FoldStep<S, Extra> | null {
    const current = this.load(db, id, version - 1);
    if (version <= current.version) return null;
    const after = this.options.evolve(current.state, event);
    this.save(db, id, current, version, after);
    const extraAfter = this.options.derive(db, id, after);
    this.remember(this.statements(db).cache, id, { version, state: after, extra: extraAfter });
    return { before: current.state, after, extraBefore: current.extra, extraAfter };
  }

  /** The latest folded state (null when none) and its derived value. */
  read(db: Database, id: string): Entry<S, Extra> | null {
    const entry = this.load(db, id, null);
    return entry.version === 0 ? null : entry;
  }

  /** Recomputes the derived value of the stored state (after an outside fact changed). */
  rederive(db: Database, id: string): Entry<S, Extra> | null {
    const entry = this.read(db, id);
    if (!entry) return null;
    const fresh = { ...entry, extra: this.options.derive(db, id, entry.state) };
    this.remember(this.statements(db).cache, id, fresh);
    return fresh;
  }

  private save(db: Database, id: string, current: Entry<S, Extra>, version: number, after: S) {
    const s = this.statements(db);
    const [before, next] = [current.state as Fields, after as Fields];
    const rest: Fields = {};
    const fixed: Fields = {};
    for (const [field, value] of Object.entries(next)) {
      if (this.fixedFields.includes(field)) fixed[field] = value;
      else rest[field] = value;
    }
    if (current.version === 0) s.insert.run(id, version, JSON.stringify(rest));
    else s.update.run(version, JSON.stringify(rest), id);
    if (this.fixedFields.some((field) => before[field] !== next[field])) {
      s.upsertFixed.run(id, JSON.stringify(fixed));
    }
  }

  private load(db: Database, id: string, expected: number | null): Entry<S, Extra> {
    const { select, cache } = this.statements(db);
    const cached = cache.get(id);
    if (cached && expected !== null && cached.version === expected) return cached;
    const row = select.get(id);
    const state = row
      ? ({
          ...(JSON.parse(row.fixed ?? '{}') as Fields),
          ...(JSON.parse(row.state) as Fields),
        } as S)
      : this.options.initial();
    const entry = { version: row?.version ?? 0, state, extra: this.options.derive(db, id, state) };
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
