import type { CalendarDate } from '../calendar';
import type { CertificationPolicy } from '../policy';
import type { ApplicationSubmitted, TransferReviewRecorded } from './audit-cycle-events';
import type {
  AuditKind,
  AuditMode,
  CertificationOutcome,
  NonconformityGrade,
  SurveillanceNumber,
} from './audit-cycle-types';

export type AuditCycleStatus =
  | 'APPLICATION_SUBMITTED'
  | 'APPLICATION_REJECTED'
  | 'APPLICATION_ACCEPTED'
  | 'CERTIFICATION_GRANTED'
  | 'CERTIFICATION_REFUSED';

export interface AuditCompletion {
  firstDay: CalendarDate;
  lastDay: CalendarDate;
  leadAuditorId: string;
  team: readonly string[];
  sites: readonly string[];
}

export interface Audit {
  auditId: string;
  kind: AuditKind;
  surveillanceNumber: SurveillanceNumber | null;
  plannedStart: CalendarDate;
  plannedEnd: CalendarDate;
  mode: AuditMode;
  leadAuditorId: string;
  team: readonly string[];
  sites: readonly string[];
  completion: AuditCompletion | null;
}

export interface Nonconformity {
  ncId: string;
  auditId: string;
  auditKind: AuditKind;
  grade: NonconformityGrade;
  clause: string;
  description: string;
  raisedOn: CalendarDate;
  /** Null for findings recorded before raisedBy was kept. */
  raisedBy: string | null;
  responseDueOn: CalendarDate;
  verificationLimitOn: CalendarDate | null;
  planAcceptedOn: CalendarDate | null;
  planAcceptedBy: string | null;
  verifiedOn: CalendarDate | null;
  /** Who verified the correction and corrective action: follow-up audit work (17021-1 9.4.9). */
  verifiedBy: string | null;
  escalatedOn: CalendarDate | null;
}

export interface ApplicationReview {
  reviewedOn: CalendarDate;
  reviewedBy: string;
  reasons: readonly string[];
}

export interface CertificationDecision {
  decision: 'GRANTED' | 'REFUSED';
  decidedOn: CalendarDate;
  decisionMakerId: string;
  outcome: CertificationOutcome | null;
  /** GRANTED: the date the surveillance programme counts from. */
  cycleDecisionDate: CalendarDate | null;
}

export interface AuditCycle {
  status: AuditCycleStatus;
  application: ApplicationSubmitted['data'];
  policy: CertificationPolicy;
  review: ApplicationReview | null;
  /** In the order they were planned. */
  audits: readonly Audit[];
  nonconformities: readonly Nonconformity[];
  transferReview: TransferReviewRecorded['data'] | null;
  decision: CertificationDecision | null;
}

export type AuditCycleState = { status: 'NOT_STARTED' } | AuditCycle;

export const initialAuditCycleState = (): AuditCycleState => ({ status: 'NOT_STARTED' });
