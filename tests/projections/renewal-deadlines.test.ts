import { upcomingDeadlines } from '../../src/projections';
import {
  BETA,
  d,
  expectSameReadModelsInBatches,
  Lifecycle,
  typicalReadSide,
} from './lifecycle-fixture';

describe('deadlines of an audit cycle renewed by a later one', () => {
  const readSide = typicalReadSide('renewal-deadlines');

  const surveillancesOfInitialCycle = (asOf: string) =>
    upcomingDeadlines(readSide().db, {
      asOf: d(asOf),
      withinDays: 3650,
      organisationId: BETA.organisationId,
    })
      .items.map(({ node }) => node)
      .filter((deadline) => deadline.aggregateId === BETA.initialCycle)
      .map(({ key, state, closesOn }) => ({ key, state, closesOn }));

  it("ends the renewed cycle's open surveillance audits on the renewal decision date", async () => {
    // Before the renewal they would end when the certificate, expiring 2028-01-09, lapses for good.
    expect(surveillancesOfInitialCycle('2028-07-09').map(({ state }) => state)).toEqual([
      'OVERDUE',
      'OVERDUE',
    ]);
    expect(surveillancesOfInitialCycle('2028-07-10')).toEqual([]);

    await new Lifecycle(readSide().store).grant(BETA.recertificationCycle, '2027-08-01', {
      certificateExpiryDate: d('2028-01-09'),
      certificateAuditCycleId: BETA.initialCycle,
    });
    await readSide().runner.catchUp();

    // The day it ends is not known as of an earlier date.
    expect(surveillancesOfInitialCycle('2027-07-31')).toEqual([
      { key: 'SURVEILLANCE_AUDIT_DUE:1', state: 'OVERDUE', closesOn: null },
      { key: 'SURVEILLANCE_AUDIT_DUE:2', state: 'OVERDUE', closesOn: null },
    ]);
    expect(surveillancesOfInitialCycle('2027-08-01')).toEqual([]);
    const renewedCycle = upcomingDeadlines(readSide().db, {
      asOf: d('2027-08-01'),
      withinDays: 3650,
      organisationId: BETA.organisationId,
    }).items.filter(({ node }) => node.aggregateId === BETA.recertificationCycle);
    expect(renewedCycle.map(({ node }) => [node.key, node.dueDate])).toEqual([
      ['SURVEILLANCE_AUDIT_DUE:1', '2028-08-01'],
      ['SURVEILLANCE_AUDIT_DUE:2', '2029-08-01'],
    ]);
  });
});

describe('a renewed cycle whose surveillance audit comes late, then a withdrawal', () => {
  const readSide = typicalReadSide('renewal-late-audit');

  const rows = () =>
    readSide()
      .db.prepare(
        `SELECT key, met_on, closes_on FROM rm_deadlines
         WHERE aggregate_id = ? AND type = 'SURVEILLANCE_AUDIT_DUE' ORDER BY key`,
      )
      .all(BETA.initialCycle);

  it('ends both audits on the renewal, keeps the late audit, and rebuilds the same rows', async () => {
    const run = new Lifecycle(readSide().store);
    await run.grant(BETA.recertificationCycle, '2027-08-01', {
      certificateExpiryDate: d('2028-01-09'),
      certificateAuditCycleId: BETA.initialCycle,
    });
    await readSide().runner.catchUp();
    await run.audit(BETA.initialCycle, 'late-s1', 'SURVEILLANCE', '2027-09-09', '2027-09-10', 1);
    await readSide().runner.catchUp();
    await run.certificate({
      type: 'WithdrawCertificate',
      data: {
        certificateId: BETA.certificateId,
        withdrawnOn: d('2027-10-01'),
        reason: 'client request',
        ownFault: false,
        actor: 'p-decider',
      },
    });
    await readSide().runner.catchUp();

    expect(rows()).toEqual([
      { key: 'SURVEILLANCE_AUDIT_DUE:1', met_on: '2027-09-10', closes_on: '2027-08-01' },
      { key: 'SURVEILLANCE_AUDIT_DUE:2', met_on: null, closes_on: '2027-08-01' },
    ]);
    const listed = upcomingDeadlines(readSide().db, {
      asOf: d('2027-08-15'),
      withinDays: 3650,
      organisationId: BETA.organisationId,
    }).items.filter(({ node }) => node.aggregateId === BETA.initialCycle);
    expect(listed).toEqual([]);

    await expectSameReadModelsInBatches(readSide().store, readSide().db);
  });
});
