import Database from 'better-sqlite3';
import { certificateHistoryProjection } from '../../src/projections';

const VERSION_2_TABLE = `CREATE TABLE rm_certificate_histories (
  certificate_id TEXT PRIMARY KEY, entries TEXT NOT NULL) STRICT`;

const columns = (db: Database.Database) =>
  db
    .prepare<[], string>("SELECT name FROM pragma_table_info('rm_certificate_histories')")
    .pluck()
    .all();

describe('the certificate history table', () => {
  it('replaces a table from before version 3, which lacks last_position', () => {
    const db = new Database(':memory:');
    db.exec(VERSION_2_TABLE);
    db.exec(`INSERT INTO rm_certificate_histories VALUES ('c', '[]')`);
    certificateHistoryProjection.setup(db);
    expect(columns(db)).toEqual(['certificate_id', 'entries', 'last_position', 'voided_expiries']);
    expect(db.prepare('SELECT count(*) FROM rm_certificate_histories').pluck().get()).toBe(0);
  });

  it('replaces a table from before version 6, which lacks voided_expiries', () => {
    const db = new Database(':memory:');
    db.exec(`${VERSION_2_TABLE.slice(0, -') STRICT'.length)}, last_position TEXT NOT NULL) STRICT`);
    db.exec(`INSERT INTO rm_certificate_histories VALUES ('c', '[]', '0')`);
    certificateHistoryProjection.setup(db);
    expect(columns(db)).toContain('voided_expiries');
    expect(db.prepare('SELECT count(*) FROM rm_certificate_histories').pluck().get()).toBe(0);
  });

  it('keeps the rows of a current table', () => {
    const db = new Database(':memory:');
    certificateHistoryProjection.setup(db);
    db.exec(`INSERT INTO rm_certificate_histories VALUES ('c', '[]', '0', NULL)`);
    certificateHistoryProjection.setup(db);
    expect(db.prepare('SELECT count(*) FROM rm_certificate_histories').pluck().get()).toBe(1);
  });
});
