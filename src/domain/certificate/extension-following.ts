import type { ExtensionAuditRecord, IssuedCertificateState } from './certificate-state';

/**
 * The scope extension that already followed this audit of the certificate's current audit cycle
 * (an audit justifies one extension only); undefined when none did.
 */
export const extensionFollowing = (
  certificate: IssuedCertificateState,
  auditId: string,
): ExtensionAuditRecord | undefined =>
  certificate.extensionAudits.find(
    (record) => record.auditCycleId === certificate.auditCycleId && record.auditId === auditId,
  );
