import type { CalendarDate } from '../calendar';
import type { ConsultancyFacts } from '../organisation/readiness-facts';

export type AuditCycleKind = 'INITIAL' | 'RECERTIFICATION' | 'TRANSFER';

export type AuditKind =
  'STAGE1' | 'STAGE2' | 'SURVEILLANCE' | 'RECERTIFICATION' | 'SPECIAL' | 'TRANSITION';

/** IAF MD 4: audits may be on site, remote, or both. */
export type AuditMode = 'ON_SITE' | 'REMOTE' | 'HYBRID';

export type SurveillanceNumber = 1 | 2;

export type NonconformityGrade = 'MAJOR' | 'MINOR';

export type CertificationOutcome = 'ISSUE' | 'RENEW' | 'RESTORE' | 'TRANSFER';

/** The scope as applied for: the text printed on the certificate and what it covers. */
export interface ApplicationScope {
  text: string;
  services: readonly string[];
  customers: readonly string[];
  locations: readonly string[];
}

/** The consultancy declaration with the [N] 5.2.7 cooling-off it starts. */
export interface ConsultancyDeclaration extends ConsultancyFacts {
  /** Related-body consultancy under a policy with a cooling-off. */
  coolingOffApplies: boolean;
  /** Null when no cooling-off applies or the consultancy has not ended. */
  coolingOffEndsOn: CalendarDate | null;
}

export interface SurveillanceDue {
  number: SurveillanceNumber;
  dueOn: CalendarDate;
}

/** Where the previous CB's surveillance programme stands (IAF MD 2). */
export interface SurveillanceProgrammePosition {
  completedSurveillances: 0 | 1 | 2;
  lastSurveillanceLastDay: CalendarDate | null;
}

export interface RecertificationApplication {
  previousAuditCycleId: string;
  certificateExpiryDate: CalendarDate;
}

/**
 * An INITIAL application's former certificate of the organisation, expired and past its
 * restoration window: the new certification may start at stage 2 (domain.md 9.6.3).
 */
export interface LapsedCertificate {
  certificateId: string;
  number: string;
  expiryDate: CalendarDate;
  /**
   * The last day it could have been restored; null: it could not be (its policy allowed no
   * restoration, or it was suspended when it expired).
   */
  restorationWindowEnd: CalendarDate | null;
}

export interface TransferApplication {
  previousCertificationBody: string;
  previousCertificateNumber: string;
  previousCycleDecisionDate: CalendarDate;
  /**
   * When the client was first certified (by any CB), kept on the certificate; by default (and on
   * applications recorded before 2026-11-28) the previous cycle's decision date.
   */
  originalCertificationDate?: CalendarDate;
  certificateExpiryDate: CalendarDate;
  surveillanceProgramme: SurveillanceProgrammePosition;
}

export interface TransferDetails extends TransferApplication {
  /** The next surveillance of the continued programme, null when both were done. */
  nextSurveillance: SurveillanceDue | null;
}

export type PreviousCertificateStatus = 'VALID' | 'SUSPENDED' | 'WITHDRAWN' | 'EXPIRED';

export interface OutstandingNonconformity {
  reference: string;
  grade: NonconformityGrade;
  description: string;
}
