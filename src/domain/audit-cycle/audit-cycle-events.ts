import type { CalendarDate } from '../calendar';
import type { DomainEvent } from '../decider';
import type { ReadinessCheck } from '../organisation';
import type { ReadinessFacts } from '../organisation/readiness-facts';
import type { CertificationPolicy } from '../policy';
import type { StandardReference } from '../standards';
import type {
  ApplicationScope,
  AuditCycleKind,
  AuditKind,
  AuditMode,
  CertificationOutcome,
  ConsultancyDeclaration,
  NonconformityGrade,
  OutstandingNonconformity,
  PreviousCertificateStatus,
  LapsedCertificate,
  RecertificationApplication,
  SurveillanceDue,
  SurveillanceNumber,
  SurveillanceProgrammePosition,
  TransferDetails,
} from './audit-cycle-types';

export type ApplicationSubmitted = DomainEvent<
  'ApplicationSubmitted',
  {
    auditCycleId: string;
    organisationId: string;
    certificateId: string;
    kind: AuditCycleKind;
    standard: StandardReference;
    scope: ApplicationScope;
    sites: string[];
    consultancy: ConsultancyDeclaration;
    readiness: ReadinessFacts;
    readinessChecks: ReadinessCheck[];
    submittedOn: CalendarDate;
    policy: CertificationPolicy;
    recertification: RecertificationApplication | null;
    transfer: TransferDetails | null;
    /** Absent from applications recorded before it existed: read as null. */
    lapsedCertificate?: LapsedCertificate | null;
  }
>;

export type ApplicationAccepted = DomainEvent<
  'ApplicationAccepted',
  { auditCycleId: string; reviewedOn: CalendarDate; reviewedBy: string; reasons: string[] }
>;

export type ApplicationRejected = DomainEvent<
  'ApplicationRejected',
  { auditCycleId: string; reviewedOn: CalendarDate; reviewedBy: string; reasons: string[] }
>;

export type AuditPlanned = DomainEvent<
  'AuditPlanned',
  {
    auditCycleId: string;
    auditId: string;
    kind: AuditKind;
    surveillanceNumber: SurveillanceNumber | null;
    plannedStart: CalendarDate;
    plannedEnd: CalendarDate;
    mode: AuditMode;
    leadAuditorId: string;
    team: string[];
    sites: string[];
  }
>;

export type AuditCompleted = DomainEvent<
  'AuditCompleted',
  {
    auditCycleId: string;
    auditId: string;
    kind: AuditKind;
    surveillanceNumber: SurveillanceNumber | null;
    firstDay: CalendarDate;
    lastDay: CalendarDate;
    leadAuditorId: string;
    team: string[];
    sites: string[];
    /** Stage 1 only: stage 2 due by this date (deadline STAGE2_DUE). */
    stage2DueOn: CalendarDate | null;
    /** Stage 2 only: its major NCs must be verified by this date. */
    majorNcVerificationLimitOn: CalendarDate | null;
    /** Surveillance 1 only: when surveillance 2 is due. */
    nextSurveillance: SurveillanceDue | null;
  }
>;

export type NonconformityRaised = DomainEvent<
  'NonconformityRaised',
  {
    auditCycleId: string;
    ncId: string;
    auditId: string;
    auditKind: AuditKind;
    grade: NonconformityGrade;
    clause: string;
    description: string;
    raisedOn: CalendarDate;
    /** Who raised it: audit work (17021-1 9.5). Absent from findings recorded before 2026-11-28. */
    raisedBy?: string;
    responseDueOn: CalendarDate;
    /** Stage-2 majors only: verified by this date or stage 2 is repeated. */
    verificationLimitOn: CalendarDate | null;
  }
>;

export type CorrectiveActionPlanAccepted = DomainEvent<
  'CorrectiveActionPlanAccepted',
  { auditCycleId: string; ncId: string; acceptedOn: CalendarDate; acceptedBy: string; plan: string }
>;

export type NonconformityVerified = DomainEvent<
  'NonconformityVerified',
  {
    auditCycleId: string;
    ncId: string;
    verifiedOn: CalendarDate;
    verifiedBy: string;
    correction: string;
    correctiveAction: string;
  }
>;

export type NonconformityEscalated = DomainEvent<
  'NonconformityEscalated',
  {
    auditCycleId: string;
    ncId: string;
    escalatedOn: CalendarDate;
    fromGrade: 'MINOR';
    toGrade: 'MAJOR';
    responseDueOn: CalendarDate;
    verificationLimitOn: CalendarDate | null;
  }
>;

export type TransferReviewRecorded = DomainEvent<
  'TransferReviewRecorded',
  {
    auditCycleId: string;
    reviewedOn: CalendarDate;
    reviewedBy: string;
    certificateStatus: PreviousCertificateStatus;
    accredited: boolean;
    reasonsForTransfer: string[];
    outstandingNonconformities: OutstandingNonconformity[];
    lastReports: string[];
    complaints: string[];
  }
>;

/** Everything the certificate command needs: the reactor never reads the audit cycle stream. */
export type CertificationGranted = DomainEvent<
  'CertificationGranted',
  {
    auditCycleId: string;
    organisationId: string;
    certificateId: string;
    kind: AuditCycleKind;
    outcome: CertificationOutcome;
    decisionMakerId: string;
    decidedOn: CalendarDate;
    effectiveOn: CalendarDate;
    expiryDate: CalendarDate;
    /** RENEW and RESTORE: the expiry of the certificate before this decision. */
    previousExpiryDate: CalendarDate | null;
    reasons: string[];
    standard: StandardReference;
    scope: ApplicationScope;
    sites: string[];
    /** The date the cycle's surveillance programme counts from (TRANSFER: the previous CB's). */
    cycleDecisionDate: CalendarDate;
    surveillanceDue: SurveillanceDue[];
    transfer: {
      previousCertificationBody: string;
      previousCertificateNumber: string;
      surveillanceProgramme: SurveillanceProgrammePosition;
    } | null;
    policy: CertificationPolicy;
  }
>;

export type CertificationRefused = DomainEvent<
  'CertificationRefused',
  { auditCycleId: string; decisionMakerId: string; decidedOn: CalendarDate; reasons: string[] }
>;

export type AuditCycleEvent =
  | ApplicationSubmitted
  | ApplicationAccepted
  | ApplicationRejected
  | AuditPlanned
  | AuditCompleted
  | NonconformityRaised
  | CorrectiveActionPlanAccepted
  | NonconformityVerified
  | NonconformityEscalated
  | TransferReviewRecorded
  | CertificationGranted
  | CertificationRefused;
