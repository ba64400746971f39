import { beforeRecordedExpiry } from './before-recorded-expiry';
import type { CertificateScopeExtended, CertificateScopeReduced } from './certificate-events';
import type { ExtendScope, ReduceScope } from './certificate-commands';
import { CertificateSuspendedError } from './certificate-errors';
import {
  issuedFor,
  requireDate,
  requireEffectiveBeforeExpiry,
  requireEffectiveAfterRevisions,
  requireEffectiveOnOrAfterDecision,
  requireInForce,
  requireScope,
  requireText,
} from './certificate-guards';
import type { CertificateSite } from './certificate-site';
import type { CertificateState } from './certificate-state';
import { openSuspension } from './certificate-state';
import { ScopeChangeError, ScopeExtensionAuditMissingError } from './scope-errors';
import { extensionFollowing } from './extension-following';

const sameContent = (a: readonly CertificateSite[], b: readonly CertificateSite[]): boolean =>
  a.length === b.length &&
  a.every((site, i) => {
    const other = b[i];
    return (
      other !== undefined &&
      site.siteId === other.siteId &&
      site.name === other.name &&
      site.address === other.address &&
      site.scope === other.scope
    );
  });

/**
 * A new revision with the same cycle and expiry (17021-1 9.6.4). Decided on or before the expiry
 * date, it is recorded even after the scan recorded the expiry.
 */
const revisedScope = (command: ExtendScope | ReduceScope, state: CertificateState) => {
  const { type, data } = command;
  const extension = type === 'ExtendScope';
  const what = extension ? 'a scope extension' : 'a scope reduction';
  const decisionDate = requireDate(type, 'decisionDate', data.decisionDate);
  const certificate = beforeRecordedExpiry(
    issuedFor(state, type, data.certificateId),
    decisionDate,
  );
  requireText(type, 'actor', data.actor);
  const effectiveDate = requireDate(type, 'effectiveDate', data.effectiveDate);
  const status = requireInForce(certificate, what, decisionDate);
  if (extension && status === 'SUSPENDED') {
    const since = openSuspension(certificate)?.suspendedOn ?? decisionDate;
    throw new CertificateSuspendedError(certificate.number, since, what);
  }
  requireEffectiveOnOrAfterDecision(decisionDate, effectiveDate);
  requireEffectiveAfterRevisions(certificate, what, effectiveDate);
  requireEffectiveBeforeExpiry(certificate, what, effectiveDate);
  requireScope(certificate.number, what, data.scope, data.sites);
  const [from, to] = extension ? [certificate.sites, data.sites] : [data.sites, certificate.sites];
  const missing = from.find((site) => !to.some((s) => s.siteId === site.siteId));
  if (missing) {
    throw new ScopeChangeError(
      certificate.number,
      extension
        ? `an extension cannot remove site ${missing.siteId} (reduce the scope instead)`
        : `a reduction cannot add site ${missing.siteId} (extend the scope instead)`,
    );
  }
  if (data.scope === certificate.scope && sameContent(data.sites, certificate.sites)) {
    throw new ScopeChangeError(certificate.number, `${what} must change the scope or the sites`);
  }
  return {
    certificateId: certificate.certificateId,
    number: certificate.number,
    revision: certificate.revision + 1,
    standard: { ...certificate.standard },
    scope: data.scope,
    sites: data.sites.map((site) => ({ ...site })),
    decisionDate,
    effectiveDate,
    expiryDate: certificate.expiryDate,
    uncappedExpiryDate: certificate.uncappedExpiryDate,
    actor: data.actor,
  };
};

export const extendScope = (
  command: ExtendScope,
  state: CertificateState,
): CertificateScopeExtended[] => {
  const data = revisedScope(command, state);
  const audit = command.data.extensionAudit;
  if (!audit) {
    throw new ScopeExtensionAuditMissingError(
      data.number,
      `no surveillance or special audit of its audit cycle was completed by the decision of ${data.decisionDate}`,
    );
  }
  const lastDay = requireDate(command.type, 'extensionAudit.lastDay', audit.lastDay);
  if (data.decisionDate < lastDay) {
    throw new ScopeExtensionAuditMissingError(
      data.number,
      `the decision of ${data.decisionDate} comes before the last day of audit ${audit.auditId}, ${lastDay}`,
    );
  }
  const certificate = issuedFor(state, command.type, data.certificateId);
  const followed = extensionFollowing(certificate, audit.auditId);
  if (followed) {
    throw new ScopeExtensionAuditMissingError(
      data.number,
      `audit ${audit.auditId} was already followed by the extension of revision ${followed.revision}, ` +
        `and an audit justifies one extension only`,
    );
  }
  const current = certificate.sites.map((s) => s.siteId);
  const unaudited = data.sites
    .map((site) => site.siteId)
    .filter((siteId) => !current.includes(siteId) && !audit.sites.includes(siteId));
  if (unaudited.length > 0) {
    throw new ScopeExtensionAuditMissingError(
      data.number,
      `audit ${audit.auditId} did not cover ${unaudited.length === 1 ? 'site' : 'sites'} ${unaudited.join(', ')}, which the extension adds`,
    );
  }
  return [{ type: 'CertificateScopeExtended', data: { ...data, auditId: audit.auditId } }];
};

export const reduceScope = (
  command: ReduceScope,
  state: CertificateState,
): CertificateScopeReduced[] => [
  { type: 'CertificateScopeReduced', data: revisedScope(command, state) },
];
