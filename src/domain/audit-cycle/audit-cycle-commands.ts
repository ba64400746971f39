import type { ConsultancyFacts } from '../organisation/readiness-facts';
import type { CalendarDate } from '../calendar';
import type { FormerCertificate, HeldCertificate } from '../certificate';
import type { DomainCommand } from '../decider';
import type { ReadinessFacts } from '../organisation/readiness-facts';
import type { CertificationPolicy, ReapplicationBar } from '../policy';
import type { StandardReference } from '../standards';
import type {
  ApplicationScope,
  AuditCycleKind,
  AuditKind,
  AuditMode,
  NonconformityGrade,
  OutstandingNonconformity,
  PreviousCertificateStatus,
  RecertificationApplication,
  SurveillanceNumber,
  TransferApplication,
} from './audit-cycle-types';
import type { OpenApplication } from './open-application';

export type SubmitApplication = DomainCommand<
  'SubmitApplication',
  {
    auditCycleId: string;
    organisationId: string;
    /** INITIAL: the id the certificate will get; otherwise the certificate being renewed or transferred. */
    certificateId: string;
    kind: AuditCycleKind;
    standard: StandardReference;
    scope: ApplicationScope;
    sites: string[];
    /** The organisation's readiness facts as of the application (consultancy included). */
    readiness: ReadinessFacts;
    submittedOn: CalendarDate;
    policy: CertificationPolicy;
    /** Required for RECERTIFICATION. */
    recertification?: RecertificationApplication;
    /** Required for TRANSFER. */
    transfer?: TransferApplication;
    /**
     * [CN] The latest bar the organisation's own-fault suspensions and withdrawals set; an INITIAL
     * or TRANSFER application before its end is refused. Absent or null: none.
     */
    reapplicationBar?: ReapplicationBar | null;
    /**
     * INITIAL only: the organisation's former certificate, named by the applicant, so that the new
     * certification may start at stage 2. It must be of the same organisation and standard,
     * expired and past its restoration window by `submittedOn`.
     */
    formerCertificate?: FormerCertificate | null;
    /**
     * The organisation's applications still open (neither rejected nor decided): an INITIAL or
     * TRANSFER application is refused while one of them for the same standard is. Absent: none.
     */
    openApplications?: readonly OpenApplication[];
    /**
     * The organisation's issued certificates as they stand on `submittedOn`: an INITIAL or TRANSFER
     * application is refused while one to the same standard is in force, yet to be, or restorable.
     * Absent: none.
     */
    heldCertificates?: readonly HeldCertificate[];
  }
>;

export type ReviewApplication = DomainCommand<
  'ReviewApplication',
  {
    auditCycleId: string;
    outcome: 'ACCEPTED' | 'REJECTED';
    reviewedOn: CalendarDate;
    reviewedBy: string;
    reasons: string[];
  }
>;

export type PlanAudit = DomainCommand<
  'PlanAudit',
  {
    auditCycleId: string;
    auditId: string;
    kind: AuditKind;
    /** Required for SURVEILLANCE. */
    surveillanceNumber?: SurveillanceNumber;
    plannedStart: CalendarDate;
    plannedEnd: CalendarDate;
    mode: AuditMode;
    leadAuditorId: string;
    team: string[];
    sites: string[];
  }
>;

export type CompleteAudit = DomainCommand<
  'CompleteAudit',
  {
    auditCycleId: string;
    auditId: string;
    firstDay: CalendarDate;
    lastDay: CalendarDate;
    leadAuditorId: string;
    team: string[];
    sites: string[];
  }
>;

export type RaiseNonconformity = DomainCommand<
  'RaiseNonconformity',
  {
    auditCycleId: string;
    ncId: string;
    auditId: string;
    grade: NonconformityGrade;
    clause: string;
    description: string;
    raisedOn: CalendarDate;
    raisedBy: string;
  }
>;

export type AcceptCorrectiveActionPlan = DomainCommand<
  'AcceptCorrectiveActionPlan',
  { auditCycleId: string; ncId: string; acceptedOn: CalendarDate; acceptedBy: string; plan: string }
>;

export type VerifyNonconformity = DomainCommand<
  'VerifyNonconformity',
  {
    auditCycleId: string;
    ncId: string;
    verifiedOn: CalendarDate;
    verifiedBy: string;
    correction: string;
    correctiveAction: string;
  }
>;

export type EscalateOverdueNonconformity = DomainCommand<
  'EscalateOverdueNonconformity',
  { auditCycleId: string; ncId: string; escalatedOn: CalendarDate }
>;

export type RecordTransferReview = DomainCommand<
  'RecordTransferReview',
  {
    auditCycleId: string;
    reviewedOn: CalendarDate;
    reviewedBy: string;
    certificateStatus: PreviousCertificateStatus;
    /** The previous CB's certificate is issued under accreditation by an IAF MLA signatory. */
    accredited: boolean;
    reasonsForTransfer: string[];
    outstandingNonconformities: OutstandingNonconformity[];
    lastReports: string[];
    complaints: string[];
  }
>;

export type DecideCertification = DomainCommand<
  'DecideCertification',
  {
    auditCycleId: string;
    decision: 'GRANTED' | 'REFUSED';
    decisionMakerId: string;
    decidedOn: CalendarDate;
    reasons: string[];
    /** Defaults to the decision date; never before it. */
    effectiveOn?: CalendarDate;
    /** RECERTIFICATION: the certificate's current expiry date, filled by the application layer. */
    certificateExpiryDate?: CalendarDate;
    /**
     * RECERTIFICATION: the cycle's own expiry, before a superseded version's transition end capped
     * it (default: `certificateExpiryDate`), filled by the application layer.
     */
    certificateUncappedExpiryDate?: CalendarDate;
    /** RECERTIFICATION: the certificate's current audit cycle, filled by the application layer. */
    certificateAuditCycleId?: string;
    /**
     * The organisation's consultancy facts as recorded now, filled by the application layer (a
     * related consultancy declared after the application bars the grant too); without them, those
     * declared with the application.
     */
    consultancy?: ConsultancyFacts;
  }
>;

export type AuditCycleCommand =
  | SubmitApplication
  | ReviewApplication
  | PlanAudit
  | CompleteAudit
  | RaiseNonconformity
  | AcceptCorrectiveActionPlan
  | VerifyNonconformity
  | EscalateOverdueNonconformity
  | RecordTransferReview
  | DecideCertification;
