import Database from 'better-sqlite3';
import { setupDeadlineTables } from '../../src/projections/deadlines/deadline-tables';

const VERSION_4_TABLE = `CREATE TABLE rm_deadlines (
  aggregate_id TEXT NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL, certificate_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL, audit_cycle_id TEXT, due_date TEXT NOT NULL, met_on TEXT,
  subject TEXT NOT NULL, PRIMARY KEY (aggregate_id, key)) STRICT, WITHOUT ROWID`;

const columns = (db: Database.Database) =>
  db.prepare<[], string>("SELECT name FROM pragma_table_info('rm_deadlines')").pluck().all();

describe('the deadline tables', () => {
  it('replace a table from before version 5, which lacks opened_on', () => {
    const db = new Database(':memory:');
    db.exec(VERSION_4_TABLE);
    db.exec(
      "INSERT INTO rm_deadlines VALUES ('c', 'k', 'CERTIFICATE_EXPIRY', 'c', 'o', NULL, '2027-01-01', NULL, 's')",
    );
    setupDeadlineTables(db);
    expect(columns(db)).toContain('opened_on');
    expect(db.prepare('SELECT count(*) FROM rm_deadlines').pluck().get()).toBe(0);
  });

  it('keep the rows of a current table', () => {
    const db = new Database(':memory:');
    setupDeadlineTables(db);
    db.exec(
      "INSERT INTO rm_deadlines VALUES ('c', 'k', 'CERTIFICATE_EXPIRY', 'c', 'o', NULL, '2027-01-01', '2024-01-01', NULL, 's')",
    );
    setupDeadlineTables(db);
    expect(db.prepare('SELECT count(*) FROM rm_deadlines').pluck().get()).toBe(1);
  });
});
