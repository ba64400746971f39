import { loadAggregate } from '../../src/application';
import {
  addDays,
  type CalendarDate,
  certificateDecider,
  certificateStatusOn,
  revisionOn,
  revisionStatusOn,
} from '../../src/domain';
import {
  allProjections,
  findCertificate,
  ProjectionRunner,
  statusOnFromPeriods,
  verifyCertificate,
} from '../../src/projections';
import { BETA, d, Lifecycle, readModelSnapshot, SITE, typicalReadSide } from './lifecycle-fixture';

const EXTENDED_SCOPE = 'Information security management of cloud hosting and backup services';

/**
 * Beta (issued 2025-01-10): a scope extension decided 2025-06-02 to take effect 2025-09-01 (R2),
 * then a withdrawal on 2025-07-01, before R2 took effect.
 */
const extendThenWithdraw = async (lifecycle: Lifecycle) => {
  await lifecycle.certificate({
    type: 'ExtendScope',
    data: {
      certificateId: BETA.certificateId,
      scope: EXTENDED_SCOPE,
      sites: [
        SITE,
        { siteId: 'site-dc', name: 'Data centre', address: '9 Server Road', scope: 'Backup' },
      ],
      decisionDate: d('2025-06-02'),
      effectiveDate: d('2025-09-01'),
      extensionAudit: { auditId: 'special-extension', lastDay: d('2025-05-20') },
      actor: 'p-decider',
    },
  });
  await lifecycle.certificate({
    type: 'WithdrawCertificate',
    data: {
      certificateId: BETA.certificateId,
      withdrawnOn: d('2025-07-01'),
      reason: 'client request',
      ownFault: false,
      actor: 'p-decider',
    },
  });
};

describe('a certificate withdrawn before a revision takes effect', () => {
  const readSide = typicalReadSide('withdrawal-before-revision');

  beforeAll(async () => {
    await extendThenWithdraw(new Lifecycle(readSide().store));
    await readSide().runner.catchUp();
  });

  const periodRows = () =>
    readSide()
      .db.prepare(
        `SELECT from_date, to_date, status, revision FROM rm_certificate_status_periods
         WHERE certificate_id = ? ORDER BY from_date`,
      )
      .all(BETA.certificateId);

  it('ends the status periods in one WITHDRAWN period of the revision in force before', () => {
    expect(periodRows()).toEqual([
      { from_date: '2025-01-10', to_date: '2025-06-30', status: 'ACTIVE', revision: 1 },
      { from_date: '2025-07-01', to_date: null, status: 'WITHDRAWN', revision: 1 },
    ]);
  });

  it('verifies the number after the withdrawal with the revision in force before it', () => {
    const verified = verifyCertificate(readSide().db, BETA.number, d('2025-09-01'));
    expect(verified).toMatchObject({
      revision: 1,
      requestedRevision: 1,
      numberWithRevision: BETA.number,
      revisionStatus: 'CURRENT',
      scope: 'Operation of managed hosting services',
      status: 'WITHDRAWN',
      valid: false,
    });
    expect(verifyCertificate(readSide().db, `${BETA.number}/R2`, d('2025-09-01'))).toMatchObject({
      revision: 1,
      requestedRevision: 2,
      revisionStatus: 'DRAFT',
      scope: EXTENDED_SCOPE,
      status: 'WITHDRAWN',
      valid: false,
    });
  });

  it('agrees with the domain and the status periods on every date, for every revision', async () => {
    const { state } = await loadAggregate(
      readSide().store,
      `certificate-${BETA.certificateId}`,
      certificateDecider,
    );
    const periods = findCertificate(readSide().db, BETA.certificateId)?.statusPeriods ?? [];
    for (let date: CalendarDate = d('2025-01-10'); date < '2029-01-01'; date = addDays(date, 5)) {
      const period = periods.find((p) => p.from <= date && (p.to === null || date <= p.to));
      const verified = verifyCertificate(readSide().db, BETA.number, date);
      const draft = verifyCertificate(readSide().db, `${BETA.number}/R2`, date);
      expect([date, verified?.revision, verified?.status, period?.revision]).toEqual([
        date,
        revisionOn(state, date)?.revision,
        certificateStatusOn(state, date),
        revisionOn(state, date)?.revision,
      ]);
      expect([date, statusOnFromPeriods(periods, date), draft?.revisionStatus]).toEqual([
        date,
        certificateStatusOn(state, date),
        revisionStatusOn(state, 2, date),
      ]);
    }
  });

  it('builds the same read models in batches of 1, 3 and all events', async () => {
    const live = readModelSnapshot(readSide().db);
    const events = await readSide().store.readAll();
    for (const batchSize of [1, 3, events.length]) {
      const runner = new ProjectionRunner({
        store: readSide().store,
        db: readSide().db,
        projections: allProjections,
        batchSize,
      });
      runner.reset();
      await runner.catchUp();
      expect([batchSize, readModelSnapshot(readSide().db)]).toEqual([batchSize, live]);
    }
  });

  it('replays the rows a version 4 store kept', async () => {
    const { db, store } = readSide();
    const live = readModelSnapshot(db);
    db.prepare(
      `INSERT INTO rm_certificate_status_periods
         (certificate_id, from_date, to_date, status, revision, restoration_gap)
       VALUES (?, '2025-09-01', NULL, 'WITHDRAWN', 2, 0)`,
    ).run(BETA.certificateId);
    db.prepare(
      "UPDATE rm_certificate_status_periods SET to_date = '2025-08-31' WHERE certificate_id = ? AND from_date = '2025-07-01'",
    ).run(BETA.certificateId);
    db.prepare("UPDATE projection_checkpoints SET version = 4 WHERE name = 'certificates'").run();
    await new ProjectionRunner({ store, db, projections: allProjections }).catchUp();
    expect(readModelSnapshot(db)).toEqual(live);
  });
});
