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

/** A change the domain applies as of its own date (`DATED_CHANGES`), and what it makes of the term. */
interface DatedChange {
  /** The status it gives the certificate as it was before any recorded expiry. */
  status: CertificateStatus;
  /** A revision: the expiry date of its term, and of the term before it when the event names it. */
  term?: { expiryDate: CalendarDate; previousExpiryDate: CalendarDate | null };
}

/**
 * The status a dated change leaves the certificate in. One entered after the scan recorded the
 * expiry was decided on or before that expiry date, and the domain applies it in order with the
 * record (`inOrderWithRecordedExpiry`): the record applies again after it, now that the expiry
 * date has passed (`EXPIRED`), unless the change voided it: a withdrawal, or a revision ending on
 * another date than the term that expired (a renewal, or a transition lifting the old version's
 * cap: the term never ended then). The term that expired is the recorded one, or, for a row
 * recorded before the expiry column, the one the event names; a transition names none and is
 * read as lifting the cap. Not the certificate's fold (`voidedExpiries`): folded from the log,
 * such a row's transition keeping the expiry date would say EXPIRED, changing what goes out.
 */
const statusAfter = (recorded: RecordedCertificate, change: DatedChange): CertificateStatus => {
  if (recorded.status !== 'EXPIRED') return change.status;
  const { term } = change;
  const voided =
    change.status === 'WITHDRAWN' ||
    (term !== undefined && term.expiryDate !== (recorded.expiryDate ?? term.previousExpiryDate));
  return voided ? change.status : 'EXPIRED';
};

/**
 * The status a revision finds: before a recorded expiry, the term in force (`ACTIVE`: a suspension
 * the expiry ended refuses the renewals and transitions that could void it).
 */
const statusBefore = (recorded: RecordedCertificate): CertificateStatus =>
  recorded.status === 'EXPIRED' ? 'ACTIVE' : recorded.status;

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
        status: statusAfter(recorded, {
          status: 'ACTIVE',
          term: {
            expiryDate: event.data.expiryDate,
            previousExpiryDate: event.data.previousExpiryDate,
          },
        }),
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
        status: statusAfter(recorded, { status: 'SUSPENDED' }),
        details: { suspendedOn: event.data.suspendedOn, limitDate: event.data.limitDate },
      };
    case 'CertificateReinstated':
      return {
        type: 'certificate.reinstated',
        status: statusAfter(recorded, { status: 'ACTIVE' }),
        details: { reinstatedOn: event.data.reinstatedOn, suspendedOn: event.data.suspendedOn },
      };
    case 'CertificateWithdrawn':
      return {
        type: 'certificate.withdrawn',
        status: statusAfter(recorded, { status: 'WITHDRAWN' }),
        details: { withdrawnOn: event.data.withdrawnOn },
      };
    case 'CertificateScopeExtended':
    case 'CertificateScopeReduced':
      return {
        type: 'certificate.scope_changed',
        status: statusAfter(recorded, {
          status: statusBefore(recorded),
          // A scope change keeps the term: it ends on the date the term before it ended on.
          term: { expiryDate: event.data.expiryDate, previousExpiryDate: event.data.expiryDate },
        }),
        details: {
          ...content(event.data),
          change: event.type === 'CertificateScopeExtended' ? 'extended' : 'reduced',
        },
      };
    case 'CertificateTransitioned':
      return {
        type: 'certificate.transitioned',
        status: statusAfter(recorded, {
          status: statusBefore(recorded),
          term: { expiryDate: event.data.expiryDate, previousExpiryDate: null },
        }),
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
 * as recorded before the event, gives the status of a change dated on or before a recorded expiry
 * (see `statusAfter`).
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
