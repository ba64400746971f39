import type { Database } from 'better-sqlite3';

/** `build`, called once per object: later calls with the same object answer what it made then. */
export const oncePerObject = <Key extends object, T>(build: (key: Key) => T): ((key: Key) => T) => {
  const built = new WeakMap<Key, T>();
  return (key) => {
    let value = built.get(key);
    if (value === undefined) {
      value = build(key);
      built.set(key, value);
    }
    return value;
  };
};

/** Memoises what `build` makes for each database (prepared statements, caches). */
export const perDatabase = <T>(build: (db: Database) => T): ((db: Database) => T) =>
  oncePerObject(build);
