import Database from 'better-sqlite3';
import { setupRegisterTable } from '../../src/projections';

const VERSION_2_TABLE = `CREATE TABLE rm_register (
  certificate_id TEXT PRIMARY KEY, number TEXT NOT NULL, revision INTEGER NOT NULL,
  organisation_name TEXT NOT NULL, organisation_location TEXT NOT NULL,
  certification_body_name TEXT NOT NULL, standard_identifier TEXT NOT NULL,
  standard_version TEXT NOT NULL, scope TEXT NOT NULL, sites TEXT NOT NULL,
  original_certification_date TEXT NOT NULL, effective_date TEXT NOT NULL,
  expiry_date TEXT NOT NULL, revisions TEXT NOT NULL, periods TEXT NOT NULL) STRICT`;

const columns = (db: Database.Database) =>
  db.prepare<[], string>("SELECT name FROM pragma_table_info('rm_register')").pluck().all();

const rows = (db: Database.Database) =>
  db.prepare('SELECT count(*) FROM rm_register').pluck().get();

describe('the public register table', () => {
  it('replaces a table from before version 3, which kept only the latest revision', () => {
    const db = new Database(':memory:');
    db.exec(VERSION_2_TABLE);
    db.exec(`INSERT INTO rm_register VALUES ('c', 'CN-1', 1, 'o', 'l', 'cb', 'ISO 9001', '2015',
      's', '[]', '2024-01-01', '2024-01-01', '2026-12-31', '[]', '[]')`);
    setupRegisterTable(db);
    expect(columns(db)).not.toContain('scope');
    expect(columns(db)).not.toContain('organisation_name');
    expect(columns(db)).toContain('revisions');
    expect(rows(db)).toBe(0);
  });

  it('keeps the rows of a current table', () => {
    const db = new Database(':memory:');
    setupRegisterTable(db);
    db.exec(`INSERT INTO rm_register VALUES ('c', 'CN-1', 'cb', '2024-01-01', '[]', '[]')`);
    setupRegisterTable(db);
    expect(rows(db)).toBe(1);
  });
});
