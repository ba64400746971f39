import type {
  ApplicationScope,
  ApplicationSubmitted,
  AuditCycleKind,
  AuditCycleStatus,
  AuditKind,
  AuditMode,
  CalendarDate,
  CertificationOutcome,
  NonconformityGrade,
  PolicyProfile,
  StandardReference,
  SurveillanceDue,
  TransferReviewRecorded,
} from '../../domain';

export interface AuditView {
  auditId: string;
  kind: AuditKind;
  surveillanceNumber: number | null;
  plannedStart: CalendarDate;
  plannedEnd: CalendarDate;
  mode: AuditMode;
  leadAuditorId: string;
  team: string[];
  sites: string[];
  /** Null until completed. */
  firstDay: CalendarDate | null;
  lastDay: CalendarDate | null;
}

export interface NonconformityView {
  ncId: string;
  auditId: string;
  auditKind: AuditKind;
  grade: NonconformityGrade;
  clause: string;
  description: string;
  raisedOn: CalendarDate;
  responseDueOn: CalendarDate;
  verificationLimitOn: CalendarDate | null;
  planAcceptedOn: CalendarDate | null;
  plan: string | null;
  verifiedOn: CalendarDate | null;
  escalatedOn: CalendarDate | null;
}

export interface DecisionView {
  decision: 'GRANTED' | 'REFUSED';
  decidedOn: CalendarDate;
  decisionMakerId: string;
  reasons: string[];
  granted: {
    outcome: CertificationOutcome;
    effectiveOn: CalendarDate;
    expiryDate: CalendarDate;
    previousExpiryDate: CalendarDate | null;
    cycleDecisionDate: CalendarDate;
    surveillanceDue: SurveillanceDue[];
  } | null;
}

/** The application as submitted, without its policy (see `policyProfile`). */
export type ApplicationView = Omit<ApplicationSubmitted['data'], 'policy'>;

export interface AuditCycleView {
  auditCycleId: string;
  organisationId: string;
  certificateId: string;
  kind: AuditCycleKind;
  status: AuditCycleStatus;
  standard: StandardReference;
  scope: ApplicationScope;
  submittedOn: CalendarDate;
  application: ApplicationView;
  policyProfile: PolicyProfile;
  review: { reviewedOn: CalendarDate; reviewedBy: string; reasons: string[] } | null;
  transferReview: TransferReviewRecorded['data'] | null;
  decision: DecisionView | null;
  /** Stream version: the `expectedVersion` of the next command. */
  version: number;
}
