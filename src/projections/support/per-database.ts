import type { Database } from 'better-sqlite3';

/** Memoises what `build` makes for each database (prepared statements, caches). */
export const perDatabase = <T>(build: (db: Database) => T): ((db: Database) => T) => {
  const built = new WeakMap<Database, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
};
