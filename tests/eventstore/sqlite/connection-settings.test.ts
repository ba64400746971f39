import type Database from 'better-sqlite3';
import { configureConnection } from '../../../src/eventstore/sqlite/schema';

/** A connection whose `journal_mode = WAL` is refused with SQLITE_BUSY `busyAnswers` times. */
const connection = (busyAnswers: number) => {
  const settings: string[] = [];
  let refused = 0;
  const db = {
    name: 'fake.db',
    pragma: (text: string) => {
      settings.push(text);
      if (text === 'journal_mode = WAL') {
        if (refused < busyAnswers) {
          refused += 1;
          throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        }
        return 'wal';
      }
      return text === 'synchronous' ? 2 : undefined;
    },
  };
  return { db: db as unknown as Database.Database, settings };
};

describe('SQLite connection settings', () => {
  it('retries WAL mode while another connection holds the new file, as SQLite does not wait', () => {
    const { db, settings } = connection(3);
    configureConnection(db, 1000);
    expect(settings.filter((text) => text === 'journal_mode = WAL')).toHaveLength(4);
    expect(settings).toContain('synchronous = FULL');
  });

  it("gives up with SQLite's error once the busy timeout has passed", () => {
    const { db } = connection(Number.POSITIVE_INFINITY);
    expect(() => configureConnection(db, 30)).toThrow('database is locked');
  });
});
