import type { CalendarDate } from '../calendar';
import type { IssuedCertificateState, SuspensionRecord } from './certificate-state';
import { restorationWindowEnd } from '../policy';
import { RestorationNotAllowedError, RestorationWindowPassedError } from './renewal-errors';

/**
 * The suspension still running when the term ending `expiryDate` ran out (ended by the expiry, or
 * open while the expiry is not recorded yet); undefined when the certificate was in force.
 */
export const suspensionAtLapse = (
  state: IssuedCertificateState,
  expiryDate: CalendarDate,
): SuspensionRecord | undefined =>
  state.suspensions.find(
    (s) =>
      s.suspendedOn <= expiryDate &&
      (s.endedOn === null || (s.endedBy === 'EXPIRED' && s.endedOn > expiryDate)),
  );

/**
 * A certificate suspended when its term ending `expiryDate` ran out cannot be restored: a
 * restoration brings back a certification that was in force, and only a reinstatement ends a
 * suspension, while the certificate is in force.
 */
export const requireNotSuspendedAtLapse = (
  certificate: IssuedCertificateState,
  expiryDate: CalendarDate,
): void => {
  const suspended = suspensionAtLapse(certificate, expiryDate);
  if (suspended) {
    throw new RestorationNotAllowedError(
      certificate.number,
      `it was suspended (since ${suspended.suspendedOn}) when it expired after ${expiryDate}, ` +
        'and a restoration brings back a certification that was in force',
    );
  }
};

/**
 * A recertification submitted on `date` after the certificate's expiry can only end in a
 * restoration: refused when none is possible (the policy allows none, the certificate was
 * suspended when it expired, or the window has passed), before any audit is done for it. `what`
 * names what happens on `date` (`decision`, `recertification applied for`).
 */
export const requireRestorableOn = (
  certificate: IssuedCertificateState,
  date: CalendarDate,
  what: string,
): void => {
  const { expiryDate, number, policy } = certificate;
  if (date <= expiryDate) return;
  const windowEnd = restorationWindowEnd(expiryDate, policy);
  if (windowEnd === null) {
    throw new RestorationNotAllowedError(number, `policy ${policy.profile} allows no restoration`);
  }
  requireNotSuspendedAtLapse(certificate, expiryDate);
  if (date > windowEnd) {
    throw new RestorationWindowPassedError(number, expiryDate, windowEnd, `${what} on ${date}`);
  }
};
