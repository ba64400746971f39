import type { CalendarDate } from '../calendar';
import type { ExpireCertificate } from './certificate-commands';
import type { CertificateState } from './certificate-state';

/**
 * The expiry the deadline scanner records on `asOf` (domain.md 9.6.3: expired from the day after
 * the expiry date), or null when there is none to record: not yet expired, withdrawn, or this
 * expiry already recorded. The decider refuses the same cases.
 */
export const expiryToRecord = (
  state: CertificateState,
  asOf: CalendarDate,
  actor: string,
): ExpireCertificate | null => {
  if (state.status === 'NOT_ISSUED' || state.withdrawal || asOf <= state.expiryDate) return null;
  if (state.lapses.some((l) => l.expiryDate === state.expiryDate && l.recordedOn)) return null;
  return {
    type: 'ExpireCertificate',
    data: { certificateId: state.certificateId, recordedOn: asOf, actor },
  };
};
