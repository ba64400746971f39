import {
  ApplicationAlreadyOpenError,
  type OpenApplication,
  openApplicationOf,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  d,
  spec,
  submitApplication,
  submitRecertification,
  submitTransfer,
} from './audit-cycle-fixtures';

const openInitial = (standard = { identifier: 'ISO/IEC 20000-1', version: '2018' }) =>
  ({
    auditCycleId: 'cycle-0',
    kind: 'INITIAL',
    standard,
    submittedOn: d('2023-12-01'),
  }) satisfies OpenApplication;

describe('an application while another of the organisation is open', () => {
  it('refuses an INITIAL application to the same standard, naming the open one', () => {
    spec([])
      .when(submitApplication({ openApplications: [openInitial()] }))
      .thenThrows(ApplicationAlreadyOpenError, {
        rule: 'APPLICATION_ALREADY_OPEN',
        message:
          'the organisation already has initial application cycle-0 to ISO/IEC 20000-1:2018, ' +
          'submitted on 2023-12-01 and neither rejected nor decided: one management system gets ' +
          'one certificate per standard, so review or decide that application first',
      });
  });

  it('refuses it for another version of the same standard, and refuses a TRANSFER too', () => {
    const open = [openInitial({ identifier: 'ISO/IEC 20000-1', version: '2011' })];
    spec([])
      .when(submitApplication({ openApplications: open }))
      .thenThrows(ApplicationAlreadyOpenError, { message: /ISO\/IEC 20000-1:2011/ });
    spec([])
      .when(submitTransfer({ openApplications: open }))
      .thenThrows(ApplicationAlreadyOpenError);
  });

  it('takes an application to another standard, and a recertification', () => {
    const open = [openInitial({ identifier: 'ISO 9001', version: '2015' })];
    const [submitted] = spec([])
      .when(submitApplication({ openApplications: open }))
      .events();
    expect(submitted?.type).toBe('ApplicationSubmitted');
    const [recertification] = spec([])
      .when(submitRecertification({ openApplications: [openInitial()] }))
      .events();
    expect(recertification?.type).toBe('ApplicationSubmitted');
  });

  it('counts a cycle as open until its application is rejected or decided', () => {
    const submitted = AuditCycleHistory.initial();
    expect(openApplicationOf(submitted.state)).toEqual({
      auditCycleId: 'cycle-1',
      kind: 'INITIAL',
      standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
      submittedOn: '2024-01-10',
    });
    expect(openApplicationOf(AuditCycleHistory.readyForDecision().state)).not.toBeNull();
    expect(openApplicationOf(AuditCycleHistory.grantedCycle().state)).toBeNull();
    const rejected = AuditCycleHistory.initial().run({
      type: 'ReviewApplication',
      data: {
        auditCycleId: 'cycle-1',
        outcome: 'REJECTED',
        reviewedOn: d('2024-01-15'),
        reviewedBy: 'p-reviewer',
        reasons: ['scope unclear'],
      },
    });
    expect(openApplicationOf(rejected.state)).toBeNull();
  });
});
