import type { CertificateWithdrawn } from './certificate-events';
import type { WithdrawCertificate } from './certificate-commands';
import { issuedFor, requireDate, requireInForce, requireText } from './certificate-guards';
import type { CertificateState } from './certificate-state';
import { reapplicationBarredUntil } from '../policy';

/** Final for the certificate: every later command is refused. */
export const withdrawCertificate = (
  command: WithdrawCertificate,
  state: CertificateState,
): CertificateWithdrawn[] => {
  const { type, data } = command;
  const certificate = issuedFor(state, type, data.certificateId);
  requireText(type, 'actor', data.actor);
  requireText(type, 'reason', data.reason);
  const withdrawnOn = requireDate(type, 'withdrawnOn', data.withdrawnOn);
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
