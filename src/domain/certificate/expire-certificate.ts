import type { CertificateExpired } from './certificate-events';
import type { ExpireCertificate } from './certificate-commands';
import { CertificateWithdrawnError } from './certificate-errors';
import { dayAfter, issuedFor, requireDate, requireText } from './certificate-guards';
import type { CertificateState } from './certificate-state';
import { CertificateAlreadyExpiredError, CertificateNotYetExpiredError } from './renewal-errors';

/** Recorded by the expiry scanner from the day after expiry; a second record is refused. */
export const expireCertificate = (
  command: ExpireCertificate,
  state: CertificateState,
): CertificateExpired[] => {
  const { type, data } = command;
  const certificate = issuedFor(state, type, data.certificateId);
  requireText(type, 'actor', data.actor);
  const recordedOn = requireDate(type, 'recordedOn', data.recordedOn);
  const { number, expiryDate } = certificate;
  if (certificate.withdrawal) {
    throw new CertificateWithdrawnError(number, certificate.withdrawal.withdrawnOn, 'an expiry');
  }
  const lapse = certificate.lapses.find((l) => l.expiryDate === expiryDate);
  if (lapse?.recordedOn)
    throw new CertificateAlreadyExpiredError(number, expiryDate, lapse.recordedOn);
  if (recordedOn <= expiryDate) {
    throw new CertificateNotYetExpiredError(number, expiryDate, 'recording the expiry', recordedOn);
  }
  return [
    {
      type: 'CertificateExpired',
      data: {
        certificateId: certificate.certificateId,
        number,
        expiryDate,
        expiredOn: dayAfter(expiryDate),
        recordedOn,
        actor: data.actor,
      },
    },
  ];
};
