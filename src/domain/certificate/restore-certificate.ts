import { addDays } from '../calendar';
import type { CertificateRestored } from './certificate-events';
import type { RestoreCertificate } from './certificate-commands';
import { renewedExpiry } from '../policy';
import { expiryForVersion } from './certificate-expiry';
import {
  dayAfter,
  issuedFor,
  requireEffectiveAfterRevisions,
  requireDate,
  requireNotBeforeLastChange,
  requireSameOrSuccessorVersion,
  requireScope,
  requireText,
} from './certificate-guards';
import type { CertificateState } from './certificate-state';
import { requireRestorableOn } from './restorability';
import { CertificateNotYetExpiredError } from './renewal-errors';

/**
 * 17021-1 9.6.3.2.5: within the policy window after expiry; effective on the restoration decision,
 * expiry = previous expiry + validity years (the cycle's own expiry, when its version's transition end
 * capped it); the days between are a gap without certification.
 */
export const restoreCertificate = (
  command: RestoreCertificate,
  state: CertificateState,
): CertificateRestored[] => {
  const { type, data } = command;
  const certificate = issuedFor(state, type, data.certificateId);
  requireText(type, 'auditCycleId', data.auditCycleId);
  requireText(type, 'actor', data.actor);
  requireText(type, 'organisationName', data.organisationName);
  requireText(type, 'organisationLocation', data.organisationLocation);
  const decisionDate = requireDate(type, 'decisionDate', data.decisionDate);
  requireNotBeforeLastChange(certificate, 'a restoration', decisionDate);
  const { number, policy } = certificate;
  const previousExpiryDate = certificate.expiryDate;
  if (decisionDate <= previousExpiryDate) {
    throw new CertificateNotYetExpiredError(
      number,
      previousExpiryDate,
      'a restoration',
      decisionDate,
    );
  }
  requireRestorableOn(certificate, decisionDate, 'decision');
  requireEffectiveAfterRevisions(certificate, 'a restoration', decisionDate);
  const standard = requireSameOrSuccessorVersion(certificate, data.standard);
  requireScope(number, 'the restoration', data.scope, data.sites);
  const uncappedExpiryDate = renewedExpiry(certificate.uncappedExpiryDate, policy);
  const gapFrom = dayAfter(previousExpiryDate);
  return [
    {
      type: 'CertificateRestored',
      data: {
        certificateId: certificate.certificateId,
        auditCycleId: data.auditCycleId,
        number,
        revision: certificate.revision + 1,
        standard: { identifier: standard.identifier, version: standard.version },
        scope: data.scope,
        sites: data.sites.map((site) => ({ ...site })),
        decisionDate,
        effectiveDate: decisionDate,
        previousExpiryDate,
        expiryDate: expiryForVersion(standard, uncappedExpiryDate, decisionDate),
        uncappedExpiryDate,
        originalCertificationDate: certificate.originalCertificationDate,
        cycleDecisionDate: decisionDate,
        organisationName: data.organisationName,
        organisationLocation: data.organisationLocation,
        gap: gapFrom < decisionDate ? { from: gapFrom, to: addDays(decisionDate, -1) } : null,
        actor: data.actor,
      },
    },
  ];
};
