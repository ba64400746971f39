import Database from 'better-sqlite3';
import { upcomingDeadlines } from '../../src/projections';
import { setupDeadlineTables } from '../../src/projections/deadlines/deadline-tables';
import { d } from './lifecycle-fixture';

const VERSION_4_TABLE = `CREATE TABLE rm_deadlines (
  aggregate_id TEXT NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL, certificate_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL, audit_cycle_id TEXT, due_date TEXT NOT NULL, met_on TEXT,
  subject TEXT NOT NULL, PRIMARY KEY (aggregate_id, key)) STRICT, WITHOUT ROWID`;

const columns = (db: Database.Database) =>
  db.prepare<[], string>("SELECT name FROM pragma_table_info('rm_deadlines')").pluck().all();

describe('the deadline tables', () => {
  it('replace a table from before version 6, which lacks closes_on', () => {
    const db = new Database(':memory:');
    db.exec(VERSION_4_TABLE);
    db.exec(
      "INSERT INTO rm_deadlines VALUES ('c', 'k', 'CERTIFICATE_EXPIRY', 'c', 'o', NULL, '2027-01-01', NULL, 's')",
    );
    setupDeadlineTables(db);
    expect(columns(db)).toEqual(expect.arrayContaining(['opened_on', 'closes_on']));
    expect(db.prepare('SELECT count(*) FROM rm_deadlines').pluck().get()).toBe(0);
  });

  it('keep the rows of a current table', () => {
    const db = new Database(':memory:');
    setupDeadlineTables(db);
    db.exec(
      "INSERT INTO rm_deadlines VALUES ('c', 'k', 'CERTIFICATE_EXPIRY', 'c', 'o', NULL, '2027-01-01', '2024-01-01', NULL, NULL, 's')",
    );
    setupDeadlineTables(db);
    expect(db.prepare('SELECT count(*) FROM rm_deadlines').pluck().get()).toBe(1);
  });

  it('keep a deadline that ends by itself open up to its closing day, and out of lists after', () => {
    const db = new Database(':memory:');
    setupDeadlineTables(db);
    db.exec(
      `INSERT INTO rm_deadlines VALUES ('c', 'RESTORATION_WINDOW_END:2027-03-19',
        'RESTORATION_WINDOW_END', 'c', 'o', NULL, '2027-09-19', '2027-03-20', NULL, '2027-09-20', 's')`,
    );
    const states = (asOf: string) =>
      upcomingDeadlines(db, { asOf: d(asOf), withinDays: 365 }).items.map(({ node }) => node.state);
    expect(states('2027-03-19')).toEqual([]);
    expect(states('2027-09-19')).toEqual(['DUE_TODAY']);
    expect(states('2027-09-20')).toEqual([]);
  });
});
