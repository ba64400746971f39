import { addDays, type CalendarDate } from '../calendar';
import type { CertificateState } from './certificate-state';
import { type CertificateStatus, certificateStatusOn, revisionOn } from './certificate-status';

export interface StatusPeriod {
  status: Exclude<CertificateStatus, 'DRAFT'>;
  from: CalendarDate;
  /** Last day of the period; null when it runs on (as far as the events so far say). */
  to: CalendarDate | null;
  /** The revision in force during the period. */
  revision: number;
  /** An EXPIRED period ended by a restoration: a period without certification. */
  restorationGap: boolean;
}

const boundaries = (state: CertificateState): CalendarDate[] => {
  if (state.status === 'NOT_ISSUED') return [];
  const dates = [
    ...state.revisions.flatMap((r) => [r.effectiveDate, addDays(r.expiryDate, 1)]),
    ...state.statusChanges.map((c) => c.from),
    ...(state.withdrawal ? [state.withdrawal.withdrawnOn] : []),
  ];
  return [...new Set(dates)].sort();
};

/**
 * The certificate's history as consecutive status periods from the first effective date,
 * derived from certificateStatusOn at each date where the status can change, so the two always agree.
 */
export const certificateHistory = (state: CertificateState): StatusPeriod[] => {
  const periods: StatusPeriod[] = [];
  for (const from of boundaries(state)) {
    const status = certificateStatusOn(state, from);
    const revision = revisionOn(state, from)?.revision;
    const previous = periods.at(-1);
    if (status === 'DRAFT' || revision === undefined) continue;
    if (previous && previous.status === status && previous.revision === revision) continue;
    if (previous) {
      previous.to = addDays(from, -1);
      previous.restorationGap = previous.status === 'EXPIRED';
    }
    periods.push({ status, from, to: null, revision, restorationGap: false });
  }
  return periods;
};
