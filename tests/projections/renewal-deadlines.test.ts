import { upcomingDeadlines } from '../../src/projections';
import { BETA, d, Lifecycle, typicalReadSide } from './lifecycle-fixture';

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
    expect(surveillancesOfInitialCycle('2027-07-31')).toEqual([
      { key: 'SURVEILLANCE_AUDIT_DUE:1', state: 'OVERDUE', closesOn: null },
      { key: 'SURVEILLANCE_AUDIT_DUE:2', state: 'OVERDUE', closesOn: null },
    ]);

    await new Lifecycle(readSide().store).grant(BETA.recertificationCycle, '2027-08-01', {
      certificateExpiryDate: d('2028-01-09'),
      certificateAuditCycleId: BETA.initialCycle,
    });
    await readSide().runner.catchUp();

    expect(surveillancesOfInitialCycle('2027-07-31')).toEqual([
      { key: 'SURVEILLANCE_AUDIT_DUE:1', state: 'OVERDUE', closesOn: '2027-08-01' },
      { key: 'SURVEILLANCE_AUDIT_DUE:2', state: 'OVERDUE', closesOn: '2027-08-01' },
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
