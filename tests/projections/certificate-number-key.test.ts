import { calendarDate } from '../../src/domain';
import { findCertificateByNumber, verifyCertificate } from '../../src/projections';
import { temporaryDirectory } from '../eventstore/temp-store';
import { Lifecycle, openReadSide, SMS_2018 } from './lifecycle-fixture';

describe('lookups by number in a store from before the numbers had keys', () => {
  const dir = temporaryDirectory('certificate-number-key');
  afterAll(() => dir.remove());

  it('replaces the version 10 certificates and register tables and finds a number typed in lower case', async () => {
    const file = dir.file('read-models.db');
    const old = openReadSide(file);
    const lifecycle = new Lifecycle(old.store);
    await lifecycle.register('org-acme', 'Acme IT Services Co., Ltd.', '91310000MA1K4XXX0Q');
    await lifecycle.issue('cert-acme', 'org-acme', 'cycle-acme', SMS_2018, 1, '2024-03-20');
    await old.runner.catchUp();
    old.db.exec(`DROP INDEX rm_certificates_by_number_key;
      ALTER TABLE rm_certificates DROP COLUMN number_key;
      DROP INDEX rm_register_by_number_key;
      ALTER TABLE rm_register DROP COLUMN number_key;
      CREATE INDEX rm_register_by_number ON rm_register (number);
      UPDATE projection_checkpoints SET version = 10 WHERE name = 'certificates';`);
    await old.close();

    const side = openReadSide(file);
    try {
      await side.runner.catchUp();
      expect(findCertificateByNumber(side.db, 'cn-20000-00001')).toMatchObject({
        certificateId: 'cert-acme',
        number: 'CN-20000-00001',
      });
      expect(
        verifyCertificate(side.db, 'cn-20000-00001/r1', calendarDate('2025-01-01')),
      ).toMatchObject({ number: 'CN-20000-00001', requestedRevision: 1 });
      const indexes = side.db
        .prepare<[], string>(
          "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('rm_certificates', 'rm_register') AND name LIKE '%number%' ORDER BY name",
        )
        .pluck()
        .all();
      expect(indexes).toEqual([
        'rm_certificates_by_number',
        'rm_certificates_by_number_key',
        'rm_register_by_number_key',
      ]);
    } finally {
      await side.close();
    }
  });

  it('replays a version 11 store, whose keys kept the hyphens, and finds a number typed without them', async () => {
    const file = dir.file('read-models-11.db');
    const old = openReadSide(file);
    const lifecycle = new Lifecycle(old.store);
    await lifecycle.register('org-acme', 'Acme IT Services Co., Ltd.', '91310000MA1K4XXX0Q');
    await lifecycle.issue('cert-acme', 'org-acme', 'cycle-acme', SMS_2018, 1, '2024-03-20');
    await old.runner.catchUp();
    old.db.exec(`UPDATE rm_certificates SET number_key = 'cn-20000-00001';
      UPDATE rm_register SET number_key = 'cn-20000-00001';
      UPDATE projection_checkpoints SET version = 11 WHERE name = 'certificates';`);
    await old.close();

    const side = openReadSide(file);
    try {
      await side.runner.catchUp();
      expect(findCertificateByNumber(side.db, 'CN2000000001')).toMatchObject({
        certificateId: 'cert-acme',
      });
      expect(
        verifyCertificate(side.db, 'CN 20000 00001', calendarDate('2025-01-01')),
      ).toMatchObject({ number: 'CN-20000-00001' });
    } finally {
      await side.close();
    }
  });

  it('replays a version 12 store, whose keys kept dots and underscores, and finds a number typed with them', async () => {
    const file = dir.file('read-models-12.db');
    const old = openReadSide(file);
    const lifecycle = new Lifecycle(old.store);
    await lifecycle.register('org-acme', 'Acme IT Services Co., Ltd.', '91310000MA1K4XXX0Q');
    await lifecycle.issue('cert-acme', 'org-acme', 'cycle-acme', SMS_2018, 1, '2024-03-20');
    await old.runner.catchUp();
    old.db.exec(`UPDATE rm_certificates SET number_key = 'stale';
      UPDATE rm_register SET number_key = 'stale';
      UPDATE projection_checkpoints SET version = 12 WHERE name = 'certificates';`);
    await old.close();

    const side = openReadSide(file);
    try {
      await side.runner.catchUp();
      expect(findCertificateByNumber(side.db, 'CN_20000_00001')).toMatchObject({
        certificateId: 'cert-acme',
      });
      expect(
        verifyCertificate(side.db, 'CN.20000.00001', calendarDate('2025-01-01')),
      ).toMatchObject({ number: 'CN-20000-00001' });
    } finally {
      await side.close();
    }
  });
});
