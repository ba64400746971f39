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
  certificateRevisions,
  findCertificate,
  listCertificates,
  ProjectionRunner,
  statusOnFromPeriods,
  verifyCertificate,
} from '../../src/projections';
import {
  BETA,
  d,
  DECIDER,
  ISMS_2022,
  Lifecycle,
  expectSameReadModelsInBatches,
  readModelSnapshot,
  SITE,
  typicalReadSide,
} from './lifecycle-fixture';

const ISSUED_SCOPE = 'Operation of managed hosting services';
const EXTENDED_SCOPE = 'Information security management of cloud hosting and backup services';

const withdraw = (lifecycle: Lifecycle, withdrawnOn: string) =>
  lifecycle.certificate({
    type: 'WithdrawCertificate',
    data: {
      certificateId: BETA.certificateId,
      withdrawnOn: d(withdrawnOn),
      reason: 'client request',
      ownFault: false,
      actor: 'p-decider',
    },
  });

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
      extensionAudit: {
        auditId: 'special-extension',
        lastDay: d('2025-05-20'),
        sites: ['site-dc'],
      },
      actor: 'p-decider',
    },
  });
  await withdraw(lifecycle, '2025-07-01');
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
      scope: ISSUED_SCOPE,
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

  it('shows the revision in force before the withdrawal as the latest; the extension stays in revisions', () => {
    const certificate = findCertificate(readSide().db, BETA.certificateId);
    expect(certificate).toMatchObject({
      revision: 1,
      numberWithRevision: BETA.number,
      standard: ISMS_2022,
      scope: ISSUED_SCOPE,
      sites: [SITE],
      decisionDate: '2025-01-10',
      effectiveDate: '2025-01-10',
      expiryDate: '2028-01-09',
    });
    expect(
      certificateRevisions(readSide().db, BETA.certificateId).map(
        ({ revision, scope, effectiveDate }) => [revision, scope, effectiveDate],
      ),
    ).toEqual([
      [1, ISSUED_SCOPE, '2025-01-10'],
      [2, EXTENDED_SCOPE, '2025-09-01'],
    ]);
    const verified = verifyCertificate(readSide().db, BETA.number, d('2025-09-01'));
    expect(verified).toMatchObject({
      revision: certificate?.revision,
      numberWithRevision: certificate?.numberWithRevision,
      scope: certificate?.scope,
      effectiveDate: certificate?.effectiveDate,
      expiryDate: certificate?.expiryDate,
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
      // R2 is decided 2025-06-02: before, its number verifies as an unknown revision.
      expect([date, statusOnFromPeriods(periods, date), draft?.revisionStatus]).toEqual([
        date,
        certificateStatusOn(state, date),
        date < '2025-06-02' ? undefined : revisionStatusOn(state, 2, date),
      ]);
    }
  });

  it('builds the same read models in batches of 1, 3 and all events', async () => {
    await expectSameReadModelsInBatches(readSide().store, readSide().db);
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
    db.prepare(
      `UPDATE rm_certificates SET revision = 2, number_with_revision = ?, scope = ?,
         decision_date = '2025-06-02', effective_date = '2025-09-01'
       WHERE certificate_id = ?`,
    ).run(`${BETA.number}/R2`, EXTENDED_SCOPE, BETA.certificateId);
    db.prepare("UPDATE projection_checkpoints SET version = 4 WHERE name = 'certificates'").run();
    await new ProjectionRunner({ store, db, projections: allProjections }).catchUp();
    expect(readModelSnapshot(db)).toEqual(live);
  });
});

describe('a certificate withdrawn after its renewal was decided, before the renewal takes effect', () => {
  const readSide = typicalReadSide('withdrawal-before-renewal');
  const RENEWED_SCOPE = 'Information security management of cloud hosting services';

  /** Renewal decided 2027-08-01 (R2, effective 2028-01-10, expiry 2031-01-09); withdrawn 2027-10-01. */
  beforeAll(async () => {
    const run = new Lifecycle(readSide().store);
    await run.grant(BETA.recertificationCycle, '2027-08-01', {
      certificateExpiryDate: d('2028-01-09'),
      certificateAuditCycleId: BETA.initialCycle,
    });
    await run.certificate({
      type: 'RenewCertificate',
      data: {
        certificateId: BETA.certificateId,
        auditCycleId: BETA.recertificationCycle,
        standard: ISMS_2022,
        scope: RENEWED_SCOPE,
        sites: [SITE],
        organisationName: 'Beta Cloud Holdings Ltd',
        organisationLocation: 'Shenzhen, CN',
        decisionDate: d('2027-08-01'),
        effectiveDate: d('2028-01-10'),
        actor: DECIDER,
      },
    });
    await withdraw(run, '2027-10-01');
    await readSide().runner.catchUp();
  });

  it('shows the first term as the latest revision, in the current cycle the renewal decision began', () => {
    const certificate = findCertificate(readSide().db, BETA.certificateId);
    expect(certificate).toMatchObject({
      revision: 1,
      numberWithRevision: BETA.number,
      scope: ISSUED_SCOPE,
      organisationName: 'Beta Cloud Ltd',
      organisationLocation: 'Shanghai, CN',
      decisionDate: '2025-01-10',
      effectiveDate: '2025-01-10',
      expiryDate: '2028-01-09',
      cycleDecisionDate: '2027-08-01',
      currentAuditCycleId: BETA.recertificationCycle,
    });
    expect(
      certificateRevisions(readSide().db, BETA.certificateId).map(({ revision, expiryDate }) => [
        revision,
        expiryDate,
      ]),
    ).toEqual([
      [1, '2028-01-09'],
      [2, '2031-01-09'],
    ]);
  });

  it('lists the certificate by the expiry of the term that took effect', () => {
    const expiringBefore = (date: string) =>
      listCertificates(
        readSide().db,
        { organisationId: BETA.organisationId, expiringBefore: d(date) },
        d('2027-10-01'),
      ).items.map(({ node }) => [
        node.certificateId,
        node.expiryDate,
        statusOnFromPeriods(node.statusPeriods, d('2027-10-01')),
      ]);
    expect(expiringBefore('2028-01-10')).toEqual([[BETA.certificateId, '2028-01-09', 'WITHDRAWN']]);
    expect(expiringBefore('2028-01-09')).toEqual([]);
  });
});
