import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { startBackgroundCheckpoints } from '../../src/composition/storage/background-checkpoints';
import { temporaryDirectory } from '../eventstore/temp-store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WAL checkpoints in a worker thread', () => {
  const dir = temporaryDirectory('checkpoints');
  afterAll(() => dir.remove());

  const writtenFile = (name: string): Database.Database => {
    const db = new Database(dir.file(name));
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE rows (text TEXT NOT NULL)');
    return db;
  };

  it('copies the WAL into the database file while this thread does not checkpoint', async () => {
    const db = writtenFile('copied.db');
    const errors: Error[] = [];
    const checkpoints = startBackgroundCheckpoints(db.name, (error) => errors.push(error));
    const before = statSync(db.name).size;
    const insert = db.prepare('INSERT INTO rows (text) VALUES (?)');
    db.transaction(() => {
      for (let row = 0; row < 1000; row += 1) insert.run('x'.repeat(1000));
    })();
    // Until the whole WAL is in the file: a size read in the middle of a checkpoint is smaller.
    const copied = () => statSync(db.name).size > before + 1000 * 1000;
    for (let waited = 0; !copied() && waited < 10_000; waited += 20) await sleep(20);
    expect(copied()).toBe(true);

    await checkpoints.stop();
    db.close();
    expect(existsSync(`${db.name}-wal`)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('checkpoints at the interval it is given, once at its start', async () => {
    const db = writtenFile('interval.db');
    const insert = db.prepare('INSERT INTO rows (text) VALUES (?)');
    const written = (rows: number) =>
      db.transaction(() => {
        for (let row = 0; row < rows; row += 1) insert.run('x'.repeat(1000));
      })();
    const before = statSync(db.name).size;
    written(1000);
    const checkpoints = startBackgroundCheckpoints(db.name, () => undefined, 60_000);
    const copiedBeyond = (size: number) => statSync(db.name).size > size + 1000 * 1000;
    for (let waited = 0; !copiedBeyond(before) && waited < 10_000; waited += 20) await sleep(20);
    expect(copiedBeyond(before)).toBe(true);

    const afterStart = statSync(db.name).size;
    written(1000);
    await sleep(300);
    expect(copiedBeyond(afterStart)).toBe(false);
    await checkpoints.stop();
    db.close();
  });

  it('reports a worker that cannot open the file', async () => {
    const errors: Error[] = [];
    const checkpoints = startBackgroundCheckpoints(dir.file('missing.db'), (error) =>
      errors.push(error),
    );
    await checkpoints.stop();
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringContaining('unable to open database file'),
    ]);
  });
});
