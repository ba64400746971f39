import type { CalendarDate } from '../calendar';
import type {
  CertificateRevision,
  CertificateState,
  IssuedCertificateState,
} from './certificate-state';

/** domain.md §3, as of a date. SUPERSEDED is a status of a revision: see revisionStatusOn. */
export type CertificateStatus = 'DRAFT' | 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN' | 'EXPIRED';

const latest = <T>(items: readonly T[], onOrBefore: (item: T) => boolean): T | undefined =>
  items.filter(onOrBefore).at(-1);

/**
 * Whether a revision ever takes effect. Withdrawal is final: a revision due to take effect after
 * the withdrawal day never does, nor does one due on that day while the revision before it was
 * still in force, so the last one to take effect before it stays in force. Only a certificate in
 * force can be withdrawn, so the revision it was in force by on the withdrawal day takes effect:
 * the first revision, and one due that day after the one before it expired (a restoration, or a
 * renewal effective the day after the expiry it renews).
 */
export const takesEffect = (
  state: IssuedCertificateState,
  revision: CertificateRevision,
): boolean => {
  if (state.withdrawal === null || revision.revision === state.revisions[0]?.revision) return true;
  const { withdrawnOn } = state.withdrawal;
  if (revision.effectiveDate !== withdrawnOn) return revision.effectiveDate < withdrawnOn;
  const index = state.revisions.findIndex((r) => r.revision === revision.revision);
  const previous = state.revisions[index - 1];
  return previous !== undefined && previous.expiryDate < withdrawnOn;
};

/**
 * The latest revision that takes effect: the last one decided (which may take effect after today),
 * unless the withdrawal means it never does; then the last one to take effect before the
 * withdrawal. There always is one: the first revision takes effect.
 */
export const latestRevision = (state: IssuedCertificateState): CertificateRevision =>
  latest(state.revisions, (r) => takesEffect(state, r))!;

/** The revision in force on a date: the latest one taking effect on or before it. */
export const revisionOn = (
  state: CertificateState,
  date: CalendarDate,
): CertificateRevision | undefined =>
  state.status === 'NOT_ISSUED'
    ? undefined
    : latest(state.revisions, (r) => r.effectiveDate <= date && takesEffect(state, r));

/**
 * Status on any date, past or future. Before the first effective date (or before issue) DRAFT;
 * withdrawal is final; after the expiry of the revision in force EXPIRED, whether or not an
 * expiry was recorded (a restoration gap therefore reads EXPIRED); otherwise the last recorded
 * ACTIVE/SUSPENDED change.
 */
export const certificateStatusOn = (
  state: CertificateState,
  date: CalendarDate,
): CertificateStatus => {
  if (state.status === 'NOT_ISSUED') return 'DRAFT';
  const revision = revisionOn(state, date);
  if (!revision) return 'DRAFT';
  if (state.withdrawal && state.withdrawal.withdrawnOn <= date) return 'WITHDRAWN';
  if (date > revision.expiryDate) return 'EXPIRED';
  return latest(state.statusChanges, (c) => c.from <= date)?.status ?? 'ACTIVE';
};

/** Only an ACTIVE certificate is valid; suspended, withdrawn, expired and draft are not. */
export const isValidOn = (state: CertificateState, date: CalendarDate): boolean =>
  certificateStatusOn(state, date) === 'ACTIVE';

export type RevisionStatus = 'DRAFT' | 'CURRENT' | 'SUPERSEDED';

/**
 * A revision is DRAFT until it takes effect (for ever, if it never does: see takesEffect),
 * SUPERSEDED once a later revision (a revision or a renewal) is effective.
 */
export const revisionStatusOn = (
  state: CertificateState,
  revision: number,
  date: CalendarDate,
): RevisionStatus | undefined => {
  if (state.status === 'NOT_ISSUED') return undefined;
  const own = state.revisions.find((r) => r.revision === revision);
  if (!own) return undefined;
  if (own.effectiveDate > date || !takesEffect(state, own)) return 'DRAFT';
  return revisionOn(state, date)?.revision === revision ? 'CURRENT' : 'SUPERSEDED';
};

/** IAF CertSearch certificate status values. */
export type CertSearchStatus =
  'Active' | 'Suspended' | 'Withdrawn' | 'Expired' | 'Cancelled' | 'Inactive' | 'Draft';

const CERT_SEARCH: Readonly<Record<CertificateStatus, CertSearchStatus>> = {
  DRAFT: 'Draft',
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Expired',
};

/** Cancelled and Inactive are not produced: the lifecycle has no status that means them. */
export const certSearchStatus = (status: CertificateStatus): CertSearchStatus =>
  CERT_SEARCH[status];

export const certSearchStatusOn = (state: CertificateState, date: CalendarDate): CertSearchStatus =>
  certSearchStatus(certificateStatusOn(state, date));
