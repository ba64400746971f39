import {
  auditCycleDecider,
  type AuditCycleCommand,
  type AuditCycleEvent,
  type AuditCycleState,
  type CalendarDate,
  calendarDate,
  type CertificationPolicy,
  type CompleteAudit,
  type DecideCertification,
  DEFAULT_POLICY,
  type PlanAudit,
  type RaiseNonconformity,
  type RecordTransferReview,
  type VerifyNonconformity,
  type ReadinessFacts,
  type SubmitApplication,
} from '../../../src/domain';
import { DeciderSpecification } from '../../support/decider-specification';

export const d = (date: string): CalendarDate => calendarDate(date);

export const CYCLE_ID = 'cycle-1';
export const LEAD = 'p-lead';
export const AUDITOR = 'p-auditor';
export const DECIDER = 'p-decider';

export const spec = DeciderSpecification.for(auditCycleDecider);

export const readyOrganisation: ReadinessFacts = {
  legalRegistrationNumber: '91310000MA1K000001',
  managementSystemOperatingSince: d('2023-06-01'),
  lastInternalAuditCompletedOn: d('2023-11-15'),
  lastManagementReviewCompletedOn: d('2023-12-01'),
  administrativePenalties: [],
  consultancy: { used: false, relatedToCertificationBody: false, endedOn: null },
};

export const submitApplication = (
  overrides: Partial<SubmitApplication['data']> = {},
): SubmitApplication => ({
  type: 'SubmitApplication',
  data: {
    auditCycleId: CYCLE_ID,
    organisationId: 'org-1',
    certificateId: 'cert-1',
    kind: 'INITIAL',
    standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
    scope: {
      text: 'IT service management of managed hosting services',
      services: ['managed hosting'],
      customers: ['external customers'],
      locations: ['Shanghai head office'],
    },
    sites: ['site-hq'],
    readiness: readyOrganisation,
    submittedOn: d('2024-01-10'),
    policy: DEFAULT_POLICY,
    ...overrides,
  },
});

/** Recertification of the certificate granted 2024-03-20, expiring 2027-03-19. */
export const submitRecertification = (
  overrides: Partial<SubmitApplication['data']> = {},
): SubmitApplication =>
  submitApplication({
    kind: 'RECERTIFICATION',
    submittedOn: d('2026-09-15'),
    recertification: { previousAuditCycleId: 'cycle-0', certificateExpiryDate: d('2027-03-19') },
    ...overrides,
  });

/** Transfer of a certificate decided 2024-03-20 (expiry 2027-03-19), surveillance 1 done. */
export const submitTransfer = (
  overrides: Partial<SubmitApplication['data']> = {},
): SubmitApplication =>
  submitApplication({
    kind: 'TRANSFER',
    submittedOn: d('2025-06-02'),
    transfer: {
      previousCertificationBody: 'Other CB Ltd',
      previousCertificateNumber: 'OCB-20000-0099',
      previousCycleDecisionDate: d('2024-03-20'),
      certificateExpiryDate: d('2027-03-19'),
      surveillanceProgramme: {
        completedSurveillances: 1,
        lastSurveillanceLastDay: d('2025-02-11'),
      },
    },
    ...overrides,
  });

/** A pre-transfer review on 2025-06-10 of a valid, accredited certificate. */
export const recordTransferReview = (
  overrides: Partial<RecordTransferReview['data']> = {},
): RecordTransferReview => ({
  type: 'RecordTransferReview',
  data: {
    auditCycleId: CYCLE_ID,
    reviewedOn: d('2025-06-10'),
    reviewedBy: 'p-reviewer',
    certificateStatus: 'VALID',
    accredited: true,
    reasonsForTransfer: ['consolidating certification bodies'],
    outstandingNonconformities: [
      { reference: 'OCB-NC-4', grade: 'MINOR', description: 'backup test record missing' },
    ],
    lastReports: ['OCB surveillance 1 report 2025-02-11'],
    complaints: [],
    ...overrides,
  },
});

export const planAudit = (
  auditId: string,
  kind: PlanAudit['data']['kind'],
  plannedStart: string,
  plannedEnd: string,
  overrides: Partial<PlanAudit['data']> = {},
): PlanAudit => ({
  type: 'PlanAudit',
  data: {
    auditCycleId: CYCLE_ID,
    auditId,
    kind,
    plannedStart: d(plannedStart),
    plannedEnd: d(plannedEnd),
    mode: 'ON_SITE',
    leadAuditorId: LEAD,
    team: [LEAD, AUDITOR],
    sites: ['site-hq'],
    ...overrides,
  },
});

export const completeAudit = (
  auditId: string,
  firstDay: string,
  lastDay: string,
  overrides: Partial<CompleteAudit['data']> = {},
): CompleteAudit => ({
  type: 'CompleteAudit',
  data: {
    auditCycleId: CYCLE_ID,
    auditId,
    firstDay: d(firstDay),
    lastDay: d(lastDay),
    leadAuditorId: LEAD,
    team: [LEAD, AUDITOR],
    sites: ['site-hq'],
    ...overrides,
  },
});

export const verifyNonconformity = (
  ncId: string,
  verifiedOn: string,
  verifiedBy = LEAD,
): VerifyNonconformity => ({
  type: 'VerifyNonconformity',
  data: {
    auditCycleId: CYCLE_ID,
    ncId,
    verifiedOn: d(verifiedOn),
    verifiedBy,
    correction: 'SLA report produced',
    correctiveAction: 'monthly SLA review added',
  },
});

export const raiseNonconformity = (
  ncId: string,
  auditId: string,
  grade: 'MAJOR' | 'MINOR',
  raisedOn: string,
  raisedBy = LEAD,
): RaiseNonconformity => ({
  type: 'RaiseNonconformity',
  data: {
    auditCycleId: CYCLE_ID,
    ncId,
    auditId,
    grade,
    clause: '8.2.3',
    description: 'service level targets not monitored',
    raisedOn: d(raisedOn),
    raisedBy,
  },
});

export const decideCertification = (
  decidedOn: string,
  overrides: Partial<DecideCertification['data']> = {},
): DecideCertification => ({
  type: 'DecideCertification',
  data: {
    auditCycleId: CYCLE_ID,
    decision: 'GRANTED',
    decisionMakerId: DECIDER,
    decidedOn: d(decidedOn),
    reasons: ['all requirements met'],
    ...overrides,
  },
});

/**
 * Builds a history by running commands through the decider itself, so fixtures are always events
 * the aggregate really produces. The typical initial cycle:
 * applied 2024-01-10, accepted 2024-01-15, stage 1 2024-02-05..06, stage 2 2024-03-04..06,
 * granted 2024-03-20.
 */
export class AuditCycleHistory {
  readonly events: AuditCycleEvent[] = [];

  static initial(policy: CertificationPolicy = DEFAULT_POLICY): AuditCycleHistory {
    return new AuditCycleHistory().run(submitApplication({ policy }));
  }

  get state(): AuditCycleState {
    return this.events.reduce(
      (state, event) => auditCycleDecider.evolve(state, event),
      auditCycleDecider.initialState(),
    );
  }

  run(command: AuditCycleCommand): this {
    this.events.push(...auditCycleDecider.decide(command, this.state));
    return this;
  }

  accepted(reviewedOn = '2024-01-15'): this {
    return this.run({
      type: 'ReviewApplication',
      data: {
        auditCycleId: CYCLE_ID,
        outcome: 'ACCEPTED',
        reviewedOn: d(reviewedOn),
        reviewedBy: 'p-reviewer',
        reasons: [],
      },
    });
  }

  audit(auditId: string, kind: PlanAudit['data']['kind'], first: string, last: string): this {
    return this.run(planAudit(auditId, kind, first, last)).run(completeAudit(auditId, first, last));
  }

  stage1(first = '2024-02-05', last = '2024-02-06', auditId = 'stage1'): this {
    return this.audit(auditId, 'STAGE1', first, last);
  }

  stage2(first = '2024-03-04', last = '2024-03-06', auditId = 'stage2'): this {
    return this.audit(auditId, 'STAGE2', first, last);
  }

  surveillance(number: 1 | 2, first: string, last: string): this {
    const auditId = `surveillance-${number}`;
    return this.run(
      planAudit(auditId, 'SURVEILLANCE', first, last, { surveillanceNumber: number }),
    ).run(completeAudit(auditId, first, last));
  }

  nonconformity(
    ncId: string,
    auditId: string,
    grade: 'MAJOR' | 'MINOR',
    raisedOn: string,
    raisedBy = LEAD,
  ): this {
    return this.run(raiseNonconformity(ncId, auditId, grade, raisedOn, raisedBy));
  }

  planAccepted(ncId: string, acceptedOn: string, acceptedBy = LEAD): this {
    return this.run({
      type: 'AcceptCorrectiveActionPlan',
      data: {
        auditCycleId: CYCLE_ID,
        ncId,
        acceptedOn: d(acceptedOn),
        acceptedBy,
        plan: 'monitor SLAs monthly',
      },
    });
  }

  verified(ncId: string, verifiedOn: string, verifiedBy = LEAD): this {
    return this.run(verifyNonconformity(ncId, verifiedOn, verifiedBy));
  }

  granted(decidedOn = '2024-03-20'): this {
    return this.run(decideCertification(decidedOn));
  }

  /** Application accepted, stage 1 and stage 2 completed without findings. */
  static readyForDecision(policy: CertificationPolicy = DEFAULT_POLICY): AuditCycleHistory {
    return AuditCycleHistory.initial(policy).accepted().stage1().stage2();
  }

  /** An application to ISO/IEC 20000-1:2011 (transition end 2022-03-31), through stage 1. */
  static version2011Stage1(): AuditCycleHistory {
    return new AuditCycleHistory()
      .run(
        submitApplication({
          standard: { identifier: 'ISO/IEC 20000-1', version: '2011' },
          submittedOn: d('2022-01-10'),
          readiness: {
            ...readyOrganisation,
            managementSystemOperatingSince: d('2021-01-04'),
            lastInternalAuditCompletedOn: d('2021-11-15'),
            lastManagementReviewCompletedOn: d('2021-12-01'),
          },
        }),
      )
      .accepted('2022-01-15')
      .stage1('2022-02-07', '2022-02-08');
  }

  static grantedCycle(policy: CertificationPolicy = DEFAULT_POLICY): AuditCycleHistory {
    return AuditCycleHistory.readyForDecision(policy).granted();
  }
}
