import type { CertificateRenewed } from './certificate-events';
import type { RenewCertificate } from './certificate-commands';
import { renewedExpiry } from '../policy';
import { beforeRecordedExpiry } from './before-recorded-expiry';
import { expiryForVersion } from './certificate-expiry';
import {
  dayAfter,
  issuedFor,
  requireDate,
  requireEffectiveAfterRevisions,
  requireEffectiveOnOrAfterDecision,
  requireInForce,
  requireNotBeforeLastChange,
  requireSameOrSuccessorVersion,
  requireScope,
  requireText,
} from './certificate-guards';
import { CertificateSuspendedError } from './certificate-errors';
import type { CertificateState } from './certificate-state';
import { openSuspension } from './certificate-state';
import { RenewalAfterExpiryError, RenewalEffectiveDateError } from './renewal-errors';

/**
 * 17021-1 9.6.3: decided on or before expiry; new expiry = previous expiry + validity years, counted
 * from the cycle's own expiry when its version's transition end capped it (domain.md §2). Decided
 * in time, it is recorded even after the scan recorded the expiry (`beforeRecordedExpiry`): the
 * term never ended then, unless the renewal keeps its expiry (to the old version, capped at the
 * same transition end).
 */
export const renewCertificate = (
  command: RenewCertificate,
  state: CertificateState,
): CertificateRenewed[] => {
  const { type, data } = command;
  const decisionDate = requireDate(type, 'decisionDate', data.decisionDate);
  const certificate = beforeRecordedExpiry(
    issuedFor(state, type, data.certificateId),
    decisionDate,
  );
  requireText(type, 'auditCycleId', data.auditCycleId);
  requireText(type, 'actor', data.actor);
  requireText(type, 'organisationName', data.organisationName);
  requireText(type, 'organisationLocation', data.organisationLocation);
  const effectiveDate = requireDate(type, 'effectiveDate', data.effectiveDate);
  requireNotBeforeLastChange(certificate, 'a renewal', decisionDate);
  const previousExpiryDate = certificate.expiryDate;
  if (decisionDate > previousExpiryDate) {
    throw new RenewalAfterExpiryError(certificate.number, previousExpiryDate, decisionDate);
  }
  if (requireInForce(certificate, 'a renewal', decisionDate) === 'SUSPENDED') {
    const suspendedOn = openSuspension(certificate)?.suspendedOn ?? decisionDate;
    throw new CertificateSuspendedError(certificate.number, suspendedOn, 'a renewal');
  }
  requireEffectiveOnOrAfterDecision(decisionDate, effectiveDate);
  requireEffectiveAfterRevisions(certificate, 'a renewal', effectiveDate);
  if (effectiveDate > dayAfter(previousExpiryDate)) {
    throw new RenewalEffectiveDateError(certificate.number, previousExpiryDate, effectiveDate);
  }
  const standard = requireSameOrSuccessorVersion(certificate, data.standard);
  requireScope(certificate.number, 'the renewal', data.scope, data.sites);
  const uncappedExpiryDate = renewedExpiry(certificate.uncappedExpiryDate, certificate.policy);
  return [
    {
      type: 'CertificateRenewed',
      data: {
        certificateId: certificate.certificateId,
        auditCycleId: data.auditCycleId,
        number: certificate.number,
        revision: certificate.revision + 1,
        standard: { identifier: standard.identifier, version: standard.version },
        scope: data.scope,
        sites: data.sites.map((site) => ({ ...site })),
        decisionDate,
        effectiveDate,
        previousExpiryDate,
        expiryDate: expiryForVersion(standard, uncappedExpiryDate, effectiveDate),
        uncappedExpiryDate,
        originalCertificationDate: certificate.originalCertificationDate,
        cycleDecisionDate: decisionDate,
        organisationName: data.organisationName,
        organisationLocation: data.organisationLocation,
        actor: data.actor,
      },
    },
  ];
};
