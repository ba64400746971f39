import type { CertificateReinstated } from './certificate-events';
import type { ReinstateCertificate } from './certificate-commands';
import { CertificateNotSuspendedError } from './certificate-errors';
import { issuedFor, requireDate, requireInForce, requireText } from './certificate-guards';
import type { CertificateState } from './certificate-state';
import { openSuspension } from './certificate-state';

/** Restores ACTIVE; the expiry date stays as it was. */
export const reinstateCertificate = (
  command: ReinstateCertificate,
  state: CertificateState,
): CertificateReinstated[] => {
  const { type, data } = command;
  const certificate = issuedFor(state, type, data.certificateId);
  requireText(type, 'actor', data.actor);
  requireText(type, 'reason', data.reason);
  const reinstatedOn = requireDate(type, 'reinstatedOn', data.reinstatedOn);
  const suspension = openSuspension(certificate);
  if (requireInForce(certificate, 'a reinstatement', reinstatedOn) !== 'SUSPENDED' || !suspension) {
    throw new CertificateNotSuspendedError(certificate.number, reinstatedOn);
  }
  return [
    {
      type: 'CertificateReinstated',
      data: {
        certificateId: certificate.certificateId,
        number: certificate.number,
        reinstatedOn,
        suspendedOn: suspension.suspendedOn,
        reason: data.reason,
        actor: data.actor,
      },
    },
  ];
};
