import { DEFAULT_POLICY } from '../../src/domain';
import { suspendsOnMissedSurveillance } from '../../src/projections';
import { temporaryDirectory } from '../eventstore/temp-store';
import { Lifecycle, openReadSide, SMS_2018 } from './lifecycle-fixture';

describe('the certificates read model', () => {
  const dir = temporaryDirectory('certificate-suspension-policy');
  afterAll(() => dir.remove());

  const strict = { ...DEFAULT_POLICY, autoSuspendOnMissedSurveillance: true };

  it('keeps whether the policy recorded at the application suspends for a missed surveillance', async () => {
    const side = openReadSide(dir.file('read-models.db'));
    try {
      const lifecycle = new Lifecycle(side.store);
      await lifecycle.register('org-acme', 'Acme IT Services Co., Ltd.', '91310000MA1K4XXX0Q');
      await lifecycle.issue('cert-lenient', 'org-acme', 'cycle-lenient', SMS_2018, 1, '2024-03-20');
      await lifecycle.issue(
        'cert-strict',
        'org-acme',
        'cycle-strict',
        SMS_2018,
        2,
        '2024-03-20',
        strict,
      );
      await side.runner.catchUp();

      expect(suspendsOnMissedSurveillance(side.db, 'cert-strict')).toBe(true);
      expect(suspendsOnMissedSurveillance(side.db, 'cert-lenient')).toBe(false);
      expect(suspendsOnMissedSurveillance(side.db, 'cert-unknown')).toBe(false);
    } finally {
      await side.close();
    }
  });

  it('replaces the certificates table of a version 9 store and replays the policy into it', async () => {
    const file = dir.file('read-models.db');
    const old = openReadSide(file);
    old.db.exec(`ALTER TABLE rm_certificates DROP COLUMN auto_suspends_on_missed_surveillance;
      UPDATE projection_checkpoints SET version = 9 WHERE name = 'certificates';`);
    await old.close();

    const side = openReadSide(file);
    try {
      await side.runner.catchUp();
      expect(suspendsOnMissedSurveillance(side.db, 'cert-strict')).toBe(true);
      expect(suspendsOnMissedSurveillance(side.db, 'cert-lenient')).toBe(false);
    } finally {
      await side.close();
    }
  });
});
