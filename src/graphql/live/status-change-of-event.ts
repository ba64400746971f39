import type { CalendarDate, CertificateEvent, CertificateStatus } from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import type { CertificateStatusChange } from './certificate-status-change';

type Recorded = Pick<RecordedEvent, 'type' | 'data' | 'version'>;

interface StatusEffect {
  status: CertificateStatus;
  changedOn: CalendarDate;
}

/** The certificate events that can change its recorded status, with the status they record. */
const effectOf = (event: CertificateEvent): StatusEffect | null => {
  switch (event.type) {
    case 'CertificateIssued':
    case 'CertificateTransferredIn':
    case 'CertificateRenewed':
    case 'CertificateRestored':
      return { status: 'ACTIVE', changedOn: event.data.effectiveDate };
    case 'CertificateReinstated':
      return { status: 'ACTIVE', changedOn: event.data.reinstatedOn };
    case 'CertificateSuspended':
      return { status: 'SUSPENDED', changedOn: event.data.suspendedOn };
    case 'CertificateWithdrawn':
      return { status: 'WITHDRAWN', changedOn: event.data.withdrawnOn };
    case 'CertificateExpired':
      return { status: 'EXPIRED', changedOn: event.data.expiredOn };
    case 'CertificateScopeExtended':
    case 'CertificateScopeReduced':
    case 'CertificateTransitioned':
      return null;
    default: {
      const unknown: never = event;
      throw new Error(`unknown certificate event ${JSON.stringify(unknown)}`);
    }
  }
};

export const STATUS_EVENT_TYPES: readonly CertificateEvent['type'][] = [
  'CertificateIssued',
  'CertificateTransferredIn',
  'CertificateRenewed',
  'CertificateRestored',
  'CertificateReinstated',
  'CertificateSuspended',
  'CertificateWithdrawn',
  'CertificateExpired',
];

const asCertificateEvent = (event: Recorded): CertificateEvent =>
  event as unknown as CertificateEvent;

/**
 * The status change `event` records, given the certificate's events before it (oldest first);
 * null when the recorded status stays the same. A restoration always reports EXPIRED before it:
 * the certificate was expired on its date even when no expiry was recorded.
 */
export const statusChangeOfEvent = (
  certificateId: string,
  event: Recorded,
  earlier: readonly Recorded[],
): CertificateStatusChange | null => {
  const current = asCertificateEvent(event);
  const effect = effectOf(current);
  if (!effect) return null;
  const opening = earlier.length === 0 ? current : asCertificateEvent(earlier[0] as Recorded);
  if (opening.type !== 'CertificateIssued' && opening.type !== 'CertificateTransferredIn') {
    throw new Error(`certificate ${certificateId} does not start with its issue or transfer`);
  }
  const recorded = earlier
    .map((previous) => effectOf(asCertificateEvent(previous))?.status)
    .filter((status) => status !== undefined)
    .at(-1);
  const previousStatus = current.type === 'CertificateRestored' ? 'EXPIRED' : (recorded ?? null);
  if (previousStatus === effect.status) return null;
  return {
    certificateId,
    organisationId: opening.data.organisationId,
    number: current.data.number,
    status: effect.status,
    previousStatus,
    changedOn: effect.changedOn,
    version: event.version,
  };
};
