import type { CalendarDate } from '../calendar';
import type { IssuedCertificateState, Lapse, VoidedExpiry } from './certificate-state';
import { expiryRecorded } from './expiry-recorded';

/** The recorded, unrestored expiry of the current term, when `date` is on or before its expiry date. */
const recordedExpiryAfter = (
  state: IssuedCertificateState,
  date: CalendarDate,
): Lapse | undefined =>
  state.lapses.find(
    (l) =>
      l.expiryDate === state.expiryDate &&
      l.recordedOn !== null &&
      l.restoredOn === null &&
      date <= l.expiryDate,
  );

/**
 * The certificate as it was before the scan recorded the expiry of its current term, for a
 * decision dated on or before that expiry date (taken in time, entered after the scan): the
 * record follows from the calendar, not from a decision, and facts are recorded as of the day
 * they happened (domain.md §2). Suspensions the expiry ended run again, so a certificate
 * suspended then is still refused a renewal. The state itself for any other date.
 */
export const beforeRecordedExpiry = (
  state: IssuedCertificateState,
  date: CalendarDate,
): IssuedCertificateState => {
  const lapse = recordedExpiryAfter(state, date);
  if (!lapse) return state;
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

/**
 * A fact dated `date` applied as if entered before the scan recorded the expiry: to the
 * certificate as it was then, and the expiry recorded again after it while the term still ends on
 * that date. A renewal or a transition moving the expiry means the term never ended then, a
 * withdrawal that it never expires: the recorded expiry then has no effect, and the certificate
 * keeps it as voided, by what. One keeping it (a renewal to the old version, capped at the same
 * transition end) leaves the certificate expired.
 */
export const inOrderWithRecordedExpiry = (
  state: IssuedCertificateState,
  date: CalendarDate,
  apply: (before: IssuedCertificateState) => IssuedCertificateState,
): IssuedCertificateState => {
  const lapse = recordedExpiryAfter(state, date);
  if (!lapse) return apply(state);
  const changed = apply(beforeRecordedExpiry(state, date));
  if (!changed.withdrawal && changed.expiryDate === lapse.expiryDate) {
    return expiryRecorded(changed, lapse);
  }
  const voidedBy: VoidedExpiry['voidedBy'] = changed.withdrawal
    ? { withdrawal: changed.withdrawal }
    : { revision: changed.revisions[changed.revisions.length - 1]! };
  const { expiryDate, expiredOn } = lapse;
  return {
    ...changed,
    voidedExpiries: [...changed.voidedExpiries, { expiryDate, expiredOn, voidedBy }],
  };
};
