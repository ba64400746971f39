import { beforeRecordedExpiry } from './before-recorded-expiry';
import type { CertificateWithdrawn } from './certificate-events';
import type { WithdrawCertificate } from './certificate-commands';
import { issuedFor, requireDate, requireInForce, requireText } from './certificate-guards';
import type { CertificateState } from './certificate-state';
import { reapplicationBarredUntil } from '../policy';

/**
 * Final for the certificate: every later command is refused. Dated on or before the expiry date,
 * it is recorded even after the scan recorded the expiry, and the certificate then never expired.
 */
export const withdrawCertificate = (
  command: WithdrawCertificate,
  state: CertificateState,
): CertificateWithdrawn[] => {
  const { type, data } = command;
  const withdrawnOn = requireDate(type, 'withdrawnOn', data.withdrawnOn);
  const certificate = beforeRecordedExpiry(issuedFor(state, type, data.certificateId), withdrawnOn);
  requireText(type, 'actor', data.actor);
  requireText(type, 'reason', data.reason);
  requireInForce(certificate, 'a withdrawal', withdrawnOn);
  return [
    {
      type: 'CertificateWithdrawn',
      data: {
        certificateId: certificate.certificateId,
        number: certificate.number,
        withdrawnOn,
        reason: data.reason,
        ownFault: data.ownFault,
        reapplicationBarredUntil: reapplicationBarredUntil(
          certificate.policy,
          data.ownFault,
          withdrawnOn,
        ),
        actor: data.actor,
      },
    },
  ];
};
