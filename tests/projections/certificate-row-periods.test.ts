import { allProjections, findCertificate, ProjectionRunner } from '../../src/projections';
import { ACME, readModelSnapshot, typicalReadSide } from './lifecycle-fixture';

const columns = (readSide: ReturnType<ReturnType<typeof typicalReadSide>>) =>
  readSide.db
    .prepare<[], string>("SELECT name FROM pragma_table_info('rm_certificates')")
    .pluck()
    .all();

describe('certificate rows holding their status periods (certificates projection version 7)', () => {
  const readSide = typicalReadSide('certificate-row-periods');

  it('keeps in each row the periods the status table holds', () => {
    const { db } = readSide();
    const table = db
      .prepare<[string], { from_date: string; to_date: string | null; status: string }>(
        `SELECT from_date, to_date, status FROM rm_certificate_status_periods
         WHERE certificate_id = ? ORDER BY from_date`,
      )
      .all(ACME.certificateId)
      .map((row) => ({ from: row.from_date, to: row.to_date, status: row.status }));
    const periods = findCertificate(db, ACME.certificateId)?.statusPeriods ?? [];
    expect(periods.length).toBeGreaterThan(1);
    expect(periods.map(({ from, to, status }) => ({ from, to, status }))).toEqual(table);
  });

  it('replaces the table of a version 6 store, whose rows had no periods, and replays into it', async () => {
    const { db, store } = readSide();
    const live = readModelSnapshot(db);
    db.exec('ALTER TABLE rm_certificates DROP COLUMN status_periods');
    db.prepare("UPDATE projection_checkpoints SET version = 6 WHERE name = 'certificates'").run();
    await new ProjectionRunner({ store, db, projections: allProjections }).catchUp();
    expect(columns(readSide())).toContain('status_periods');
    expect(readModelSnapshot(db)).toEqual(live);
  });
});
