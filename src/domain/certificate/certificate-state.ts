import type { CalendarDate } from '../calendar';
import type { CertificationPolicy } from '../policy';
import type { StandardReference } from '../standards';
import type { CertificateSite } from './certificate-site';
import type { SuspensionGrounds } from './suspension-grounds';

export type RevisionCause =
  | 'ISSUED'
  | 'TRANSFERRED_IN'
  | 'RENEWED'
  | 'RESTORED'
  | 'SCOPE_EXTENDED'
  | 'SCOPE_REDUCED'
  | 'TRANSITIONED';

/** The organisation's legal name and location a certificate prints, as they are when it is issued. */
export interface CertificateHolder {
  organisationName: string;
  organisationLocation: string;
}

/** A revision prints its holder's name and location as they were when it was issued. */
export interface CertificateRevision extends CertificateHolder {
  revision: number;
  cause: RevisionCause;
  auditCycleId: string;
  standard: StandardReference;
  scope: string;
  sites: CertificateSite[];
  decisionDate: CalendarDate;
  effectiveDate: CalendarDate;
  expiryDate: CalendarDate;
  uncappedExpiryDate: CalendarDate;
}

/** A recorded change of status; expiry needs no record (it follows from the dates). */
export interface StatusChange {
  status: 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN';
  from: CalendarDate;
}

export interface SuspensionRecord {
  grounds: SuspensionGrounds;
  details: string;
  suspendedOn: CalendarDate;
  limitDate: CalendarDate;
  ownFault: boolean;
  endedOn: CalendarDate | null;
  endedBy: 'REINSTATED' | 'WITHDRAWN' | 'EXPIRED' | null;
}

/** A term that ran out without renewal; `restoredOn` closes the gap. */
export interface Lapse {
  expiryDate: CalendarDate;
  expiredOn: CalendarDate;
  recordedOn: CalendarDate | null;
  restoredOn: CalendarDate | null;
  /** The certificate's last change before the expiry was recorded (its `lastChangeOn` then). */
  lastChangeBefore: CalendarDate;
}

export interface Withdrawal {
  withdrawnOn: CalendarDate;
  reason: string;
  ownFault: boolean;
}

/**
 * A recorded expiry that a change decided on or before its expiry date, entered after the record,
 * voided (`inOrderWithRecordedExpiry`): the withdrawal, or the revision (a renewal or transition)
 * that moved the expiry. The record stays in the log; the certificate never expired then.
 */
export interface VoidedExpiry {
  expiryDate: CalendarDate;
  expiredOn: CalendarDate;
  voidedBy: { withdrawal: Withdrawal } | { revision: CertificateRevision };
}

/** An audit a scope extension followed: it justifies that extension only. */
export interface ExtensionAuditRecord {
  auditCycleId: string;
  auditId: string;
  revision: number;
}

export interface TransferRecord {
  previousCertificationBodyName: string;
  previousCertificateNumber: string;
  transferredOn: CalendarDate;
}

/** Recorded status: what the last event said. Status on a date comes from certificateStatusOn. */
export type RecordedStatus = 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN' | 'EXPIRED';

export interface IssuedCertificateState {
  status: RecordedStatus;
  certificateId: string;
  organisationId: string;
  auditCycleId: string;
  number: string;
  revision: number;
  standard: StandardReference;
  scope: string;
  sites: CertificateSite[];
  organisationName: string;
  organisationLocation: string;
  certificationBodyName: string;
  decisionDate: CalendarDate;
  effectiveDate: CalendarDate;
  expiryDate: CalendarDate;
  uncappedExpiryDate: CalendarDate;
  originalCertificationDate: CalendarDate;
  cycleDecisionDate: CalendarDate;
  policy: CertificationPolicy;
  transfer: TransferRecord | null;
  revisions: CertificateRevision[];
  statusChanges: StatusChange[];
  suspensions: SuspensionRecord[];
  lapses: Lapse[];
  withdrawal: Withdrawal | null;
  voidedExpiries: VoidedExpiry[];
  extensionAudits: ExtensionAuditRecord[];
  /** The latest date a decision or status change was recorded for; later commands may not precede it. */
  lastChangeOn: CalendarDate;
  /**
   * The latest effective date of a revision: a new revision takes effect on or after it, so the
   * revisions stay in effective-date order. A revision that takes effect later does not hold back
   * a suspension or withdrawal decided meanwhile.
   */
  lastEffectiveOn: CalendarDate;
}

export type CertificateState = { status: 'NOT_ISSUED' } | IssuedCertificateState;

export const initialCertificateState = (): CertificateState => ({ status: 'NOT_ISSUED' });

export const isIssued = (state: CertificateState): state is IssuedCertificateState =>
  state.status !== 'NOT_ISSUED';

export const openSuspension = (state: IssuedCertificateState): SuspensionRecord | undefined =>
  state.suspensions.find((s) => s.endedOn === null);
