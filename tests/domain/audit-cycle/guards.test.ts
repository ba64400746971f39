import {
  AuditCycleNotFoundError,
  AuditKindNotAllowedError,
  AuditOrderError,
  type RecordTransferReview,
} from '../../../src/domain';
import {
  AuditCycleHistory,
  CYCLE_ID,
  d,
  decideCertification,
  LEAD,
  planAudit,
  raiseNonconformity,
  spec,
  submitApplication,
  submitTransfer,
} from './audit-cycle-fixtures';

describe('commands addressed to the wrong cycle', () => {
  it('refuses a command on a cycle without an application', () => {
    spec([])
      .when(planAudit('stage1', 'STAGE1', '2024-02-05', '2024-02-06'))
      .thenThrows(AuditCycleNotFoundError, { rule: 'AUDIT_CYCLE_NOT_FOUND', message: /cycle-1/ });
  });

  it('refuses a command naming another cycle', () => {
    spec(AuditCycleHistory.initial().accepted().events)
      .when(decideCertification('2024-03-20', { auditCycleId: 'cycle-2' }))
      .thenThrows(AuditCycleNotFoundError, {
        rule: 'AUDIT_CYCLE_NOT_FOUND',
        message: /cycle-2.*cycle-1/,
      });
  });
});

describe('order of findings and answers', () => {
  it('refuses a finding dated before the audit began', () => {
    spec(AuditCycleHistory.readyForDecision().events)
      .when(raiseNonconformity('nc-1', 'stage2', 'MINOR', '2024-03-03'))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /2024-03-03.*2024-03-04/ });
  });

  it('refuses a new finding on stage 2 after the decision', () => {
    spec(AuditCycleHistory.grantedCycle().events)
      .when(raiseNonconformity('nc-late', 'stage2', 'MINOR', '2024-03-21'))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /decision of 2024-03-20/ });
  });

  it('refuses a plan accepted before the nonconformity was raised', () => {
    const history = AuditCycleHistory.readyForDecision().nonconformity(
      'nc-1',
      'stage2',
      'MINOR',
      '2024-03-06',
    );
    spec(history.events)
      .when({
        type: 'AcceptCorrectiveActionPlan',
        data: {
          auditCycleId: CYCLE_ID,
          ncId: 'nc-1',
          acceptedOn: d('2024-03-05'),
          acceptedBy: LEAD,
          plan: 'p',
        },
      })
      .thenThrows(AuditOrderError, {
        rule: 'AUDIT_ORDER',
        message: /2024-03-05.*raised on 2024-03-06/,
      });
  });
});

describe('transition and recertification audits', () => {
  const superseded = () =>
    new AuditCycleHistory()
      .run(
        submitApplication({
          standard: { identifier: 'ISO/IEC 27001', version: '2013' },
          submittedOn: d('2024-01-10'),
        }),
      )
      .accepted();

  it('plans a transition audit once a certificate to a superseded version is granted', () => {
    const granted = superseded().stage1().stage2().granted();
    const [event] = spec(granted.events)
      .when(planAudit('transition', 'TRANSITION', '2025-01-13', '2025-01-14'))
      .events();
    expect(event?.data).toMatchObject({ kind: 'TRANSITION' });
  });

  it('refuses a transition audit before the certificate exists', () => {
    spec(superseded().events)
      .when(planAudit('transition', 'TRANSITION', '2024-02-05', '2024-02-06'))
      .thenThrows(AuditOrderError, { rule: 'AUDIT_ORDER', message: /no granted decision/ });
  });

  const freshTransfer = () =>
    new AuditCycleHistory()
      .run(
        submitTransfer({
          submittedOn: d('2024-01-10'),
          transfer: {
            previousCertificationBody: 'Other CB',
            previousCertificateNumber: 'OCB-1',
            previousCycleDecisionDate: d('2023-05-02'),
            certificateExpiryDate: d('2026-05-01'),
            surveillanceProgramme: { completedSurveillances: 0, lastSurveillanceLastDay: null },
          },
        }),
      )
      .accepted();

  it('refuses a recertification audit in a transfer cycle', () => {
    spec(freshTransfer().events)
      .when(planAudit('recert', 'RECERTIFICATION', '2024-02-05', '2024-02-06'))
      .thenThrows(AuditKindNotAllowedError, {
        rule: 'AUDIT_KIND_NOT_ALLOWED',
        message: /TRANSFER cycle/,
      });
  });

  it('continues both surveillances from the previous decision when none was done yet', () => {
    const review: RecordTransferReview = {
      type: 'RecordTransferReview',
      data: {
        auditCycleId: CYCLE_ID,
        reviewedOn: d('2024-01-16'),
        reviewedBy: 'p-reviewer',
        certificateStatus: 'VALID',
        accredited: true,
        reasonsForTransfer: ['merger'],
        outstandingNonconformities: [],
        lastReports: ['stage 2 report 2023-04-20'],
        complaints: [],
      },
    };
    const [event] = spec(freshTransfer().run(review).events)
      .when(decideCertification('2024-01-20'))
      .events();
    expect(event).toMatchObject({
      type: 'CertificationGranted',
      data: {
        outcome: 'TRANSFER',
        expiryDate: '2026-05-01',
        surveillanceDue: [
          { number: 1, dueOn: '2024-05-02' },
          { number: 2, dueOn: '2025-05-02' },
        ],
      },
    });
  });
});
