import { findStandard, findTypedStandard, standardCode } from '../standards';
import { beforeRecordedExpiry } from './before-recorded-expiry';
import type { CertificateTransitioned } from './certificate-events';
import type { TransitionStandardVersion } from './certificate-commands';
import {
  issuedFor,
  requireDate,
  requireEffectiveBeforeExpiry,
  requireEffectiveAfterRevisions,
  requireEffectiveOnOrAfterDecision,
  requireInForce,
  requireNotBeforeLastChange,
  requireText,
} from './certificate-guards';
import { CertificateSuspendedError } from './certificate-errors';
import type { CertificateState } from './certificate-state';
import { openSuspension } from './certificate-state';
import {
  StandardVersionNotAllowedError,
  TransitionAfterEndError,
  TransitionAuditMissingError,
} from './standard-version-errors';
import { expiryForVersion } from './certificate-expiry';

/**
 * IAF transition: to the superseding version, after a transition audit, by the transition end,
 * with the cycle's own expiry; like a renewal, not while the certificate is suspended. Decided on
 * or before the expiry date, it is recorded even after the scan recorded the expiry
 * (`beforeRecordedExpiry`): one lifting the old version's cap means the term never ended then.
 */
export const transitionStandardVersion = (
  command: TransitionStandardVersion,
  state: CertificateState,
): CertificateTransitioned[] => {
  const { type, data } = command;
  const decisionDate = requireDate(type, 'decisionDate', data.decisionDate);
  const certificate = beforeRecordedExpiry(
    issuedFor(state, type, data.certificateId),
    decisionDate,
  );
  requireText(type, 'actor', data.actor);
  const effectiveDate = requireDate(type, 'effectiveDate', data.effectiveDate);
  requireNotBeforeLastChange(certificate, 'a transition', decisionDate);
  const current = findStandard(certificate.standard);
  const target = findTypedStandard(data.standard);
  if (
    current.supersededBy === null ||
    target.identifier !== current.identifier ||
    target.version !== current.supersededBy
  ) {
    throw new StandardVersionNotAllowedError(
      certificate.number,
      standardCode(current),
      standardCode(target),
      current.supersededBy === null
        ? 'none: the version is not superseded'
        : standardCode({ identifier: current.identifier, version: current.supersededBy }),
    );
  }
  const auditLastDay = data.transitionAuditLastDay;
  if (auditLastDay === null || auditLastDay === undefined) {
    throw new TransitionAuditMissingError(
      certificate.number,
      standardCode(target),
      'its audit cycle has no completed transition audit',
    );
  }
  if (decisionDate < requireDate(type, 'transitionAuditLastDay', auditLastDay)) {
    throw new TransitionAuditMissingError(
      certificate.number,
      standardCode(target),
      `the decision of ${decisionDate} comes before the audit's last day, ${auditLastDay}`,
    );
  }
  requireEffectiveOnOrAfterDecision(decisionDate, effectiveDate);
  requireEffectiveAfterRevisions(certificate, 'a transition', effectiveDate);
  if (current.transitionEnd !== null && effectiveDate > current.transitionEnd) {
    throw new TransitionAfterEndError(standardCode(current), current.transitionEnd, effectiveDate);
  }
  if (requireInForce(certificate, 'a transition', decisionDate) === 'SUSPENDED') {
    const suspendedOn = openSuspension(certificate)?.suspendedOn ?? decisionDate;
    throw new CertificateSuspendedError(certificate.number, suspendedOn, 'a transition');
  }
  requireEffectiveBeforeExpiry(certificate, 'a transition', effectiveDate);
  return [
    {
      type: 'CertificateTransitioned',
      data: {
        certificateId: certificate.certificateId,
        number: certificate.number,
        revision: certificate.revision + 1,
        previousStandard: { ...certificate.standard },
        standard: { identifier: target.identifier, version: target.version },
        scope: certificate.scope,
        sites: certificate.sites.map((site) => ({ ...site })),
        decisionDate,
        effectiveDate,
        expiryDate: expiryForVersion(target, certificate.uncappedExpiryDate, effectiveDate),
        uncappedExpiryDate: certificate.uncappedExpiryDate,
        actor: data.actor,
      },
    },
  ];
};
