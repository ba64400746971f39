import type { CalendarDate } from '../calendar';
import type { DomainEvent } from '../decider';
import type { CertificationPolicy } from '../policy';
import type { StandardReference } from '../standards';
import type { CertificateSite } from './certificate-site';
import type { SuspensionGrounds } from './suspension-grounds';

/** What every revision of the certificate states (a new revision gets a new effective date). */
export interface CertificateContent {
  certificateId: string;
  number: string;
  revision: number;
  standard: StandardReference;
  scope: string;
  sites: CertificateSite[];
  decisionDate: CalendarDate;
  effectiveDate: CalendarDate;
  /** Expiry after the cap of a superseded standard version. */
  expiryDate: CalendarDate;
  /** Expiry of the cycle before that cap; a transition restores it. */
  uncappedExpiryDate: CalendarDate;
  actor: string;
}

interface Opening extends CertificateContent {
  organisationId: string;
  auditCycleId: string;
  organisationName: string;
  organisationLocation: string;
  certificationBodyName: string;
  originalCertificationDate: CalendarDate;
  /** The decision the surveillance programme counts from. */
  cycleDecisionDate: CalendarDate;
  policy: CertificationPolicy;
}

interface NewCycle extends CertificateContent {
  auditCycleId: string;
  previousExpiryDate: CalendarDate;
  originalCertificationDate: CalendarDate;
  cycleDecisionDate: CalendarDate;
  /** The organisation's name and location printed from this cycle on (absent before 2026-11-28). */
  organisationName?: string;
  organisationLocation?: string;
}

export type CertificateIssued = DomainEvent<'CertificateIssued', Opening>;

export type CertificateTransferredIn = DomainEvent<
  'CertificateTransferredIn',
  Opening & { previousCertificationBodyName: string; previousCertificateNumber: string }
>;

export type CertificateRenewed = DomainEvent<'CertificateRenewed', NewCycle>;

export interface RestorationGap {
  from: CalendarDate;
  to: CalendarDate;
}

/** `gap` is null when the restoration is decided the day after expiry. */
export type CertificateRestored = DomainEvent<
  'CertificateRestored',
  NewCycle & { gap: RestorationGap | null }
>;

export type CertificateExpired = DomainEvent<
  'CertificateExpired',
  {
    certificateId: string;
    number: string;
    expiryDate: CalendarDate;
    /** The first day without certification: expiry + 1 day. */
    expiredOn: CalendarDate;
    recordedOn: CalendarDate;
    actor: string;
  }
>;

export type CertificateSuspended = DomainEvent<
  'CertificateSuspended',
  {
    certificateId: string;
    number: string;
    grounds: SuspensionGrounds;
    details: string;
    suspendedOn: CalendarDate;
    limitDate: CalendarDate;
    ownFault: boolean;
    /** [CN] No new application before this date; null when the policy sets no bar. */
    reapplicationBarredUntil: CalendarDate | null;
    actor: string;
  }
>;

export type CertificateReinstated = DomainEvent<
  'CertificateReinstated',
  {
    certificateId: string;
    number: string;
    reinstatedOn: CalendarDate;
    suspendedOn: CalendarDate;
    reason: string;
    actor: string;
  }
>;

export type CertificateWithdrawn = DomainEvent<
  'CertificateWithdrawn',
  {
    certificateId: string;
    number: string;
    withdrawnOn: CalendarDate;
    reason: string;
    ownFault: boolean;
    reapplicationBarredUntil: CalendarDate | null;
    actor: string;
  }
>;

export type CertificateScopeExtended = DomainEvent<
  'CertificateScopeExtended',
  /** `auditId`: the audit the extension followed (absent on events recorded before 2026-11-28). */
  CertificateContent & { auditId?: string }
>;

export type CertificateScopeReduced = DomainEvent<'CertificateScopeReduced', CertificateContent>;

export type CertificateTransitioned = DomainEvent<
  'CertificateTransitioned',
  CertificateContent & { previousStandard: StandardReference }
>;

export type CertificateEvent =
  | CertificateIssued
  | CertificateTransferredIn
  | CertificateRenewed
  | CertificateRestored
  | CertificateExpired
  | CertificateSuspended
  | CertificateReinstated
  | CertificateWithdrawn
  | CertificateScopeExtended
  | CertificateScopeReduced
  | CertificateTransitioned;
