import type { CalendarDate } from '../calendar';
import type { IssuedCertificateState } from './certificate-state';

/**
 * The certificate as it was before the scan recorded the expiry of its current term, for a
 * decision dated on or before that expiry date (a renewal decided in time, entered after the
 * scan): the record follows from the calendar, not from a decision, and a renewal in time means
 * the certificate never expired (domain.md §2). Suspensions the expiry ended run again, so a
 * certificate suspended then is still refused. The state itself for any other date.
 */
export const beforeRecordedExpiry = (
  state: IssuedCertificateState,
  date: CalendarDate,
): IssuedCertificateState => {
  const lapse = state.lapses.find(
    (l) => l.expiryDate === state.expiryDate && l.recordedOn !== null && l.restoredOn === null,
  );
  if (!lapse || date > lapse.expiryDate) return state;
  const suspensions = state.suspensions.map((s) =>
    s.endedBy === 'EXPIRED' && s.endedOn === lapse.expiredOn
      ? { ...s, endedOn: null, endedBy: null }
      : s,
  );
  return {
    ...state,
    status: suspensions.some((s) => s.endedOn === null) ? 'SUSPENDED' : 'ACTIVE',
    suspensions,
    lapses: state.lapses.filter((l) => l !== lapse),
    lastChangeOn: lapse.lastChangeBefore,
  };
};
