import type { CalendarDate } from '../calendar';
import { beforeRecordedExpiry } from './before-recorded-expiry';
import type { CertificateReinstated } from './certificate-events';
import type { ReinstateCertificate } from './certificate-commands';
import { CertificateNotSuspendedError, SuspensionLimitPassedError } from './certificate-errors';
import { issuedFor, requireDate, requireInForce, requireText } from './certificate-guards';
import type { CertificateState, IssuedCertificateState } from './certificate-state';
import { openSuspension } from './certificate-state';

const scopeReducedSince = (certificate: IssuedCertificateState, since: CalendarDate): boolean =>
  certificate.revisions.some((r) => r.cause === 'SCOPE_REDUCED' && r.decisionDate >= since);

/**
 * Restores ACTIVE; the expiry date stays as it was. After the suspension's limit only once the
 * scope was reduced during the suspension (the part still certified is reinstated). Dated on or
 * before the expiry date, it is recorded even after the scan recorded the expiry.
 */
export const reinstateCertificate = (
  command: ReinstateCertificate,
  state: CertificateState,
): CertificateReinstated[] => {
  const { type, data } = command;
  const reinstatedOn = requireDate(type, 'reinstatedOn', data.reinstatedOn);
  const certificate = beforeRecordedExpiry(
    issuedFor(state, type, data.certificateId),
    reinstatedOn,
  );
  requireText(type, 'actor', data.actor);
  requireText(type, 'reason', data.reason);
  const suspension = openSuspension(certificate);
  if (requireInForce(certificate, 'a reinstatement', reinstatedOn) !== 'SUSPENDED' || !suspension) {
    throw new CertificateNotSuspendedError(certificate.number, reinstatedOn);
  }
  const { suspendedOn, limitDate } = suspension;
  if (reinstatedOn > limitDate && !scopeReducedSince(certificate, suspendedOn)) {
    throw new SuspensionLimitPassedError(certificate.number, suspendedOn, limitDate, reinstatedOn);
  }
  return [
    {
      type: 'CertificateReinstated',
      data: {
        certificateId: certificate.certificateId,
        number: certificate.number,
        reinstatedOn,
        suspendedOn,
        reason: data.reason,
        actor: data.actor,
      },
    },
  ];
};
