import type { CalendarDate } from '../calendar';
import type { DomainCommand } from '../decider';
import type { CertificationPolicy } from '../policy';
import type { StandardReference } from '../standards';
import type { CertificateSite } from './certificate-site';
import type { CertificateHolder } from './certificate-state';
import type { SuspensionGrounds } from './suspension-grounds';

/** The CB's number pattern (see formatCertificateNumber) and the sequence the application allocated. */
export interface CertificateNumbering {
  pattern: string;
  sequence: number;
}

interface CertifiedContent {
  standard: StandardReference;
  scope: string;
  sites: CertificateSite[];
}

interface Opening extends CertifiedContent, CertificateHolder {
  certificateId: string;
  organisationId: string;
  auditCycleId: string;
  numbering: CertificateNumbering;
  certificationBodyName: string;
  decisionDate: CalendarDate;
  effectiveDate: CalendarDate;
  policy: CertificationPolicy;
  actor: string;
}

export type IssueCertificate = DomainCommand<'IssueCertificate', Opening>;

/** IAF MD 2: the previous CB's certificate, as established by the pre-transfer review. */
export interface PreviousCertificate {
  certificationBodyName: string;
  number: string;
  accredited: boolean;
  suspended: boolean;
  withdrawn: boolean;
  expiryDate: CalendarDate;
  originalCertificationDate: CalendarDate;
  /** The decision the previous CB's surveillance programme counts from. */
  cycleDecisionDate: CalendarDate;
}

export type TransferCertificateIn = DomainCommand<
  'TransferCertificateIn',
  Opening & { previous: PreviousCertificate }
>;

export type RenewCertificate = DomainCommand<
  'RenewCertificate',
  CertifiedContent &
    CertificateHolder & {
      certificateId: string;
      auditCycleId: string;
      decisionDate: CalendarDate;
      effectiveDate: CalendarDate;
      actor: string;
    }
>;

/** Effective on the restoration decision. */
export type RestoreCertificate = DomainCommand<
  'RestoreCertificate',
  CertifiedContent &
    CertificateHolder & {
      certificateId: string;
      auditCycleId: string;
      decisionDate: CalendarDate;
      actor: string;
    }
>;

export type ExpireCertificate = DomainCommand<
  'ExpireCertificate',
  { certificateId: string; recordedOn: CalendarDate; actor: string }
>;

export type SuspendCertificate = DomainCommand<
  'SuspendCertificate',
  {
    certificateId: string;
    grounds: SuspensionGrounds;
    details: string;
    suspendedOn: CalendarDate;
    ownFault: boolean;
    actor: string;
  }
>;

export type ReinstateCertificate = DomainCommand<
  'ReinstateCertificate',
  { certificateId: string; reinstatedOn: CalendarDate; reason: string; actor: string }
>;

export type WithdrawCertificate = DomainCommand<
  'WithdrawCertificate',
  {
    certificateId: string;
    withdrawnOn: CalendarDate;
    reason: string;
    ownFault: boolean;
    actor: string;
  }
>;

/** `scope` and `sites` are the revised certificate's full scope and site list. */
interface ScopeChange {
  certificateId: string;
  scope: string;
  sites: CertificateSite[];
  decisionDate: CalendarDate;
  effectiveDate: CalendarDate;
  actor: string;
}

/** The audit a scope extension follows (domain.md: "scope extension (after an audit ...)"). */
export interface ExtensionAudit {
  auditId: string;
  lastDay: CalendarDate;
  /** The sites it covered: a site the extension adds must be one of them. */
  sites: readonly string[];
}

export type ExtendScope = DomainCommand<
  'ExtendScope',
  ScopeChange & {
    /** The latest surveillance or special audit completed in the certificate's cycle; null: none. */
    extensionAudit: ExtensionAudit | null;
  }
>;

export type ReduceScope = DomainCommand<'ReduceScope', ScopeChange>;

export type TransitionStandardVersion = DomainCommand<
  'TransitionStandardVersion',
  {
    certificateId: string;
    standard: StandardReference;
    decisionDate: CalendarDate;
    effectiveDate: CalendarDate;
    /** Last day of the transition audit completed in the certificate's audit cycle; null: none. */
    transitionAuditLastDay: CalendarDate | null;
    actor: string;
  }
>;

export type CertificateCommand =
  | IssueCertificate
  | TransferCertificateIn
  | RenewCertificate
  | RestoreCertificate
  | ExpireCertificate
  | SuspendCertificate
  | ReinstateCertificate
  | WithdrawCertificate
  | ExtendScope
  | ReduceScope
  | TransitionStandardVersion;
