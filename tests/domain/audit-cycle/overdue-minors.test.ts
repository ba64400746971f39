import { DEFAULT_POLICY, overdueMinorsToEscalate } from '../../../src/domain';
import { AuditCycleHistory, d, verifyNonconformity } from './audit-cycle-fixtures';

const escalatingPolicy = { ...DEFAULT_POLICY, escalateOverdueMinor: true };

/** A minor (nc-1) and a major (nc-2) raised at stage 2 on 2024-03-06: responses due 2024-06-04. */
const findings = (policy = escalatingPolicy) =>
  AuditCycleHistory.readyForDecision(policy)
    .nonconformity('nc-1', 'stage2', 'MINOR', '2024-03-06')
    .nonconformity('nc-2', 'stage2', 'MAJOR', '2024-03-06');

const overdueOn = (history: AuditCycleHistory, asOf: string) =>
  overdueMinorsToEscalate(history.state, d(asOf)).map((nc) => nc.ncId);

describe('the overdue minor nonconformities the deadline scan escalates', () => {
  it('given a cycle whose policy escalates, a minor with no plan after its due date is one', () => {
    expect(overdueOn(findings(), '2024-06-05')).toEqual(['nc-1']);
  });

  it('given the default policy, none', () => {
    expect(overdueOn(findings(DEFAULT_POLICY), '2024-06-05')).toEqual([]);
  });

  it('on its response due date, none yet', () => {
    expect(overdueOn(findings(), '2024-06-04')).toEqual([]);
  });

  it('once its plan is accepted, or it is verified, none', () => {
    expect(overdueOn(findings().planAccepted('nc-1', '2024-03-15'), '2024-06-05')).toEqual([]);
    const verified = findings().run(verifyNonconformity('nc-1', '2024-05-20'));
    expect(overdueOn(verified, '2024-06-05')).toEqual([]);
  });

  it('given an application only, none', () => {
    expect(
      overdueMinorsToEscalate(AuditCycleHistory.initial(escalatingPolicy).state, d('2025-01-01')),
    ).toEqual([]);
  });
});
