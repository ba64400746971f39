import Database from 'better-sqlite3';
import {
  allProjections,
  ProjectionRunner,
  setupRegisterTable,
  verifyCertificate,
} from '../../src/projections';
import { ACME, d, typicalReadSide } from './lifecycle-fixture';

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
  it('replaces a table from before version 4, which kept the holder of the latest revision only', () => {
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
    db.exec(`INSERT INTO rm_register VALUES ('c', 'CN-1', 'cn-1', 'cb', '2024-01-01', '[]', '[]')`);
    setupRegisterTable(db);
    expect(rows(db)).toBe(1);
  });
});

describe('upgrading a store whose register kept the latest revision only', () => {
  const readSide = typicalReadSide('register-upgrade');

  it('replays the certificates projection into the new register', async () => {
    const { db, store } = readSide();
    db.exec('DROP TABLE rm_register');
    db.exec(VERSION_2_TABLE);
    db.prepare("UPDATE projection_checkpoints SET version = 3 WHERE name = 'certificates'").run();
    expect(rows(db)).toBe(0);
    const runner = new ProjectionRunner({ store, db, projections: allProjections });
    await runner.catchUp();
    expect(verifyCertificate(db, ACME.number, d('2026-01-01'))).toMatchObject({
      number: ACME.number,
      revision: 2,
      organisationName: 'Acme IT Services Co., Ltd.',
    });
  });
});
