import { maxDate } from '../calendar';
import type { Lapse, IssuedCertificateState, SuspensionRecord } from './certificate-state';

/** Ends the open suspension, if any, on a date and for a reason. */
export const endSuspension = (
  suspensions: SuspensionRecord[],
  endedOn: IssuedCertificateState['lastChangeOn'],
  endedBy: NonNullable<SuspensionRecord['endedBy']>,
): SuspensionRecord[] =>
  suspensions.map((s) => (s.endedOn === null ? { ...s, endedOn, endedBy } : s));

/** The certificate once the scan recorded the expiry of its term: a suspension ends with it. */
export const expiryRecorded = (
  certificate: IssuedCertificateState,
  expiry: Pick<Lapse, 'expiryDate' | 'expiredOn' | 'recordedOn'>,
): IssuedCertificateState => ({
  ...certificate,
  status: 'EXPIRED',
  suspensions: endSuspension(certificate.suspensions, expiry.expiredOn, 'EXPIRED'),
  lapses: [
    ...certificate.lapses,
    {
      expiryDate: expiry.expiryDate,
      expiredOn: expiry.expiredOn,
      recordedOn: expiry.recordedOn,
      restoredOn: null,
      lastChangeBefore: certificate.lastChangeOn,
    },
  ],
  lastChangeOn: maxDate(certificate.lastChangeOn, expiry.expiredOn),
});
