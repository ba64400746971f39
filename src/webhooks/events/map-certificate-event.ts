import type {
  CalendarDate,
  CertificateContent,
  CertificateEvent,
  CertificateStatus,
} from '../../domain';
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

/** What the fan-out recorded of a certificate before an event: its status and its term's expiry. */
export interface RecordedCertificate {
  status: CertificateStatus;
  /** The expiry date its last event gave (null: recorded before the fan-out kept it). */
  expiryDate: CalendarDate | null;
}

/**
 * The status after a new revision ending on `expiryDate`: the one before, unless the scan
 * recorded the expiry of a term the revision no longer ends on. The revision was then decided on
 * or before that expiry date and entered after the record, and the domain applies it in order with
 * the record (`inOrderWithRecordedExpiry`): a renewal, or a transition lifting the old version's
 * cap, means the term never ended then (`ACTIVE`); a scope change, or a transition keeping the
 * date, leaves the certificate expired.
 */
const statusAfterRevision = (
  recorded: RecordedCertificate,
  expiryDate: CalendarDate,
): CertificateStatus =>
  recorded.status === 'EXPIRED' && recorded.expiryDate !== expiryDate ? 'ACTIVE' : recorded.status;

const describe = (
  event: Mapped,
  recorded: RecordedCertificate,
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
        status: statusAfterRevision(recorded, event.data.expiryDate),
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
        status: statusAfterRevision(recorded, event.data.expiryDate),
        details: {
          ...content(event.data),
          change: event.type === 'CertificateScopeExtended' ? 'extended' : 'reduced',
        },
      };
    case 'CertificateTransitioned':
      return {
        type: 'certificate.transitioned',
        status: statusAfterRevision(recorded, event.data.expiryDate),
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
 * receivers can drop a message older than one they already applied. `recorded`, the certificate
 * as recorded before the event, gives the status of a revision in the cycle or renewing it (see
 * `statusAfterRevision`).
 */
export const mapCertificateEvent = (
  event: RecordedEvent,
  organisationId: string | null,
  recorded: RecordedCertificate,
): WebhookPayload<Record<string, unknown> & { status: CertificateStatus }> | null => {
  const domainEvent = { type: event.type, data: event.data } as CertificateEvent;
  if (!isMapped(domainEvent)) return null;
  const { type, status, details } = describe(domainEvent, recorded);
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
