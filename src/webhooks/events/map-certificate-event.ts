import type { CertificateContent, CertificateEvent, CertificateStatus } from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import type { WebhookEventType, WebhookPayload } from './webhook-event-types';

/** Certificate events that become webhooks: every one of the certificate's lifecycle. */
export const MAPPED_CERTIFICATE_EVENTS = [
  'CertificateIssued',
  'CertificateTransferredIn',
  'CertificateRenewed',
  'CertificateRestored',
  'CertificateExpired',
  'CertificateSuspended',
  'CertificateReinstated',
  'CertificateWithdrawn',
  'CertificateScopeExtended',
  'CertificateScopeReduced',
  'CertificateTransitioned',
] as const;

type Mapped = Extract<CertificateEvent, { type: (typeof MAPPED_CERTIFICATE_EVENTS)[number] }>;

const isMapped = (event: { type: string }): event is Mapped =>
  (MAPPED_CERTIFICATE_EVENTS as readonly string[]).includes(event.type);

const content = (c: CertificateContent) => ({
  revision: c.revision,
  standard: c.standard,
  scope: c.scope,
  effectiveDate: c.effectiveDate,
  expiryDate: c.expiryDate,
});

const describe = (
  event: Mapped,
  statusBefore: CertificateStatus,
): { type: WebhookEventType; status: CertificateStatus; details: Record<string, unknown> } => {
  switch (event.type) {
    case 'CertificateIssued':
    case 'CertificateTransferredIn':
      return {
        type: 'certificate.issued',
        status: 'ACTIVE',
        details: {
          ...content(event.data),
          decisionDate: event.data.decisionDate,
          originalCertificationDate: event.data.originalCertificationDate,
          transferredIn: event.type === 'CertificateTransferredIn',
        },
      };
    case 'CertificateRenewed':
      return {
        type: 'certificate.renewed',
        status: 'ACTIVE',
        details: { ...content(event.data), previousExpiryDate: event.data.previousExpiryDate },
      };
    case 'CertificateRestored':
      return {
        type: 'certificate.restored',
        status: 'ACTIVE',
        details: {
          ...content(event.data),
          previousExpiryDate: event.data.previousExpiryDate,
          gap: event.data.gap,
        },
      };
    case 'CertificateExpired':
      return {
        type: 'certificate.expired',
        status: 'EXPIRED',
        details: { expiryDate: event.data.expiryDate, expiredOn: event.data.expiredOn },
      };
    case 'CertificateSuspended':
      return {
        type: 'certificate.suspended',
        status: 'SUSPENDED',
        details: { suspendedOn: event.data.suspendedOn, limitDate: event.data.limitDate },
      };
    case 'CertificateReinstated':
      return {
        type: 'certificate.reinstated',
        status: 'ACTIVE',
        details: { reinstatedOn: event.data.reinstatedOn, suspendedOn: event.data.suspendedOn },
      };
    case 'CertificateWithdrawn':
      return {
        type: 'certificate.withdrawn',
        status: 'WITHDRAWN',
        details: { withdrawnOn: event.data.withdrawnOn },
      };
    case 'CertificateScopeExtended':
    case 'CertificateScopeReduced':
      return {
        type: 'certificate.scope_changed',
        status: statusBefore,
        details: {
          ...content(event.data),
          change: event.type === 'CertificateScopeExtended' ? 'extended' : 'reduced',
        },
      };
    case 'CertificateTransitioned':
      return {
        type: 'certificate.transitioned',
        status: statusBefore,
        details: { ...content(event.data), previousStandard: event.data.previousStandard },
      };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
};

/**
 * The webhook a certificate event becomes, or null. The body names ids, number, status and
 * dates only (no reasons, grounds or findings); `version` is the certificate stream's version so
 * receivers can drop a message older than one they already applied. `statusBefore`, the status
 * recorded before the event, is the status of a scope change (which keeps it).
 */
export const mapCertificateEvent = (
  event: RecordedEvent,
  organisationId: string | null,
  statusBefore: CertificateStatus,
): WebhookPayload<Record<string, unknown> & { status: CertificateStatus }> | null => {
  const domainEvent = { type: event.type, data: event.data } as CertificateEvent;
  if (!isMapped(domainEvent)) return null;
  const { type, status, details } = describe(domainEvent, statusBefore);
  return {
    type,
    timestamp: event.metadata.recordedAt,
    data: {
      certificateId: domainEvent.data.certificateId,
      organisationId,
      certificateNumber: domainEvent.data.number,
      status,
      version: event.version,
      ...details,
    },
  };
};
