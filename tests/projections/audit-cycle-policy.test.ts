import { DEFAULT_POLICY } from '../../src/domain';
import { escalatesOverdueMinors } from '../../src/projections';
import { temporaryDirectory } from '../eventstore/temp-store';
import { Lifecycle, openReadSide, SMS_2018 } from './lifecycle-fixture';

describe('the audit cycles read model', () => {
  const dir = temporaryDirectory('audit-cycle-policy');
  afterAll(() => dir.remove());

  it('keeps whether the policy recorded at the application escalates overdue minors', async () => {
    const side = openReadSide(dir.file('read-models.db'));
    try {
      const lifecycle = new Lifecycle(side.store);
      await lifecycle.register('org-acme', 'Acme IT Services Co., Ltd.', '91310000MA1K4XXX0Q');
      await lifecycle.apply('cycle-lenient', 'org-acme', 'cert-lenient', SMS_2018, '2024-01-10');
      await lifecycle.apply(
        'cycle-strict',
        'org-acme',
        'cert-strict',
        SMS_2018,
        '2024-01-10',
        undefined,
        { ...DEFAULT_POLICY, escalateOverdueMinor: true },
      );
      await side.runner.catchUp();

      expect(escalatesOverdueMinors(side.db, 'cycle-strict')).toBe(true);
      expect(escalatesOverdueMinors(side.db, 'cycle-lenient')).toBe(false);
      expect(escalatesOverdueMinors(side.db, 'cycle-unknown')).toBe(false);
    } finally {
      await side.close();
    }
  });

  it('replaces the cycles table of a version 1 store and replays the policy into it', async () => {
    const file = dir.file('read-models.db');
    const old = openReadSide(file);
    old.db.exec(`ALTER TABLE rm_audit_cycles DROP COLUMN escalates_overdue_minors;
      UPDATE projection_checkpoints SET version = 1 WHERE name = 'audit_cycles';`);
    await old.close();

    const side = openReadSide(file);
    try {
      await side.runner.catchUp();
      expect(escalatesOverdueMinors(side.db, 'cycle-strict')).toBe(true);
      expect(escalatesOverdueMinors(side.db, 'cycle-lenient')).toBe(false);
    } finally {
      await side.close();
    }
  });
});
