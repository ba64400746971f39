import { addMonths } from '../calendar';
import { reapplicationBarredUntil } from '../policy';
import { beforeRecordedExpiry } from './before-recorded-expiry';
import type { CertificateSuspended } from './certificate-events';
import type { SuspendCertificate } from './certificate-commands';
import { CertificateSuspendedError, InvalidCertificateCommandError } from './certificate-errors';
import { issuedFor, requireDate, requireInForce, requireText } from './certificate-guards';
import type { CertificateState } from './certificate-state';
import { openSuspension } from './certificate-state';
import { SUSPENSION_GROUNDS } from './suspension-grounds';

/**
 * 17021-1 9.6.5: suspension never moves the expiry; its limit is suspendedOn + policy months.
 * Dated on or before the expiry date, it is recorded even after the scan recorded the expiry.
 */
export const suspendCertificate = (
  command: SuspendCertificate,
  state: CertificateState,
): CertificateSuspended[] => {
  const { type, data } = command;
  const suspendedOn = requireDate(type, 'suspendedOn', data.suspendedOn);
  const certificate = beforeRecordedExpiry(issuedFor(state, type, data.certificateId), suspendedOn);
  requireText(type, 'actor', data.actor);
  requireText(type, 'details', data.details);
  if (!SUSPENSION_GROUNDS.includes(data.grounds)) {
    throw new InvalidCertificateCommandError(
      type,
      `grounds must be one of ${SUSPENSION_GROUNDS.join(', ')}, got ${JSON.stringify(data.grounds)}`,
      'grounds',
    );
  }
  if (requireInForce(certificate, 'a suspension', suspendedOn) === 'SUSPENDED') {
    const since = openSuspension(certificate)?.suspendedOn ?? suspendedOn;
    throw new CertificateSuspendedError(certificate.number, since, 'another suspension');
  }
  const { policy } = certificate;
  return [
    {
      type: 'CertificateSuspended',
      data: {
        certificateId: certificate.certificateId,
        number: certificate.number,
        grounds: data.grounds,
        details: data.details,
        suspendedOn,
        limitDate: addMonths(suspendedOn, policy.suspensionLimitMonths),
        ownFault: data.ownFault,
        reapplicationBarredUntil: reapplicationBarredUntil(policy, data.ownFault, suspendedOn),
        actor: data.actor,
      },
    },
  ];
};
