import type { AuditCycleEvent, CalendarDate, CertificateEvent } from '../../domain';
import { certificateEventDate, certificateNumberWithRevision, standardCode } from '../../domain';
import type { RecordedEvent } from '../../eventstore';

/** The business date of an event (the day it happened in the CB's world, not when recorded). */
export const businessDate = (event: CertificateEvent | AuditCycleEvent): CalendarDate => {
  switch (event.type) {
    case 'ApplicationSubmitted':
      return event.data.submittedOn;
    case 'ApplicationAccepted':
    case 'ApplicationRejected':
    case 'TransferReviewRecorded':
      return event.data.reviewedOn;
    case 'AuditPlanned':
      return event.data.plannedStart;
    case 'AuditCompleted':
      return event.data.lastDay;
    case 'NonconformityRaised':
      return event.data.raisedOn;
    case 'CorrectiveActionPlanAccepted':
      return event.data.acceptedOn;
    case 'NonconformityVerified':
      return event.data.verifiedOn;
    case 'NonconformityEscalated':
      return event.data.escalatedOn;
    case 'CertificationGranted':
    case 'CertificationRefused':
      return event.data.decidedOn;
    default:
      return certificateEventDate(event);
  }
};

const audit = (kind: string, surveillanceNumber: number | null): string =>
  kind === 'SURVEILLANCE' && surveillanceNumber !== null
    ? `surveillance audit ${surveillanceNumber}`
    : `${kind.toLowerCase().replace('stage', 'stage ')} audit`;

const printed = (data: { number: string; revision: number }): string =>
  certificateNumberWithRevision(data.number, data.revision);

const line = (event: CertificateEvent | AuditCycleEvent): string => {
  switch (event.type) {
    case 'ApplicationSubmitted':
      return `${event.data.kind.toLowerCase()} application submitted for ${event.data.standard.identifier}:${event.data.standard.version}`;
    case 'ApplicationAccepted':
      return 'Application accepted';
    case 'ApplicationRejected':
      return `Application rejected: ${event.data.reasons.join('; ')}`;
    case 'AuditPlanned':
      return `${audit(event.data.kind, event.data.surveillanceNumber)} planned for ${event.data.plannedStart} to ${event.data.plannedEnd} (${event.data.mode.toLowerCase().replace('_', ' ')})`;
    case 'AuditCompleted':
      return `${audit(event.data.kind, event.data.surveillanceNumber)} completed ${event.data.firstDay} to ${event.data.lastDay}`;
    case 'NonconformityRaised':
      return `${event.data.grade.toLowerCase()} nonconformity ${event.data.ncId} raised against clause ${event.data.clause}, response due by ${event.data.responseDueOn}`;
    case 'CorrectiveActionPlanAccepted':
      return `Corrective action plan for nonconformity ${event.data.ncId} accepted`;
    case 'NonconformityVerified':
      return `Correction of nonconformity ${event.data.ncId} verified`;
    case 'NonconformityEscalated':
      return `Overdue minor nonconformity ${event.data.ncId} escalated to major`;
    case 'TransferReviewRecorded':
      return 'Pre-transfer review recorded';
    case 'CertificationGranted':
      return `Certification granted (${event.data.outcome.toLowerCase()}), effective ${event.data.effectiveOn}, expiring ${event.data.expiryDate}`;
    case 'CertificationRefused':
      return `Certification refused: ${event.data.reasons.join('; ')}`;
    case 'CertificateIssued':
      return `Certificate ${printed(event.data)} issued, effective ${event.data.effectiveDate}, expiring ${event.data.expiryDate}`;
    case 'CertificateTransferredIn':
      return `Certificate ${printed(event.data)} issued on transfer from ${event.data.previousCertificationBodyName} (${event.data.previousCertificateNumber}), effective ${event.data.effectiveDate}, expiring ${event.data.expiryDate}`;
    case 'CertificateRenewed':
      return `Certificate renewed as ${printed(event.data)}, effective ${event.data.effectiveDate}, expiring ${event.data.expiryDate}`;
    case 'CertificateRestored':
      return `Certificate restored as ${printed(event.data)}, effective ${event.data.effectiveDate}, expiring ${event.data.expiryDate}${event.data.gap ? `; not certified from ${event.data.gap.from} to ${event.data.gap.to}` : ''}`;
    case 'CertificateExpired':
      return `Certificate ${event.data.number} expired on ${event.data.expiredOn} (expiry date ${event.data.expiryDate})`;
    case 'CertificateSuspended':
      return `Certificate ${event.data.number} suspended (${event.data.grounds.toLowerCase().replaceAll('_', ' ')}) until ${event.data.limitDate} at the latest`;
    case 'CertificateReinstated':
      return `Certificate ${event.data.number} reinstated (suspended since ${event.data.suspendedOn})`;
    case 'CertificateWithdrawn':
      return `Certificate ${event.data.number} withdrawn: ${event.data.reason}`;
    case 'CertificateScopeExtended':
      return `Scope extended: certificate ${printed(event.data)} effective ${event.data.effectiveDate}${
        event.data.auditId ? ` after audit ${event.data.auditId}` : ''
      }`;
    case 'CertificateScopeReduced':
      return `Scope reduced: certificate ${printed(event.data)} effective ${event.data.effectiveDate}`;
    case 'CertificateTransitioned':
      return `Certificate ${printed(event.data)} transitioned from ${standardCode(event.data.previousStandard)} to ${standardCode(event.data.standard)}, effective ${event.data.effectiveDate}, expiring ${event.data.expiryDate}`;
  }
};

/** One line in the CB's language, e.g. "Surveillance audit 1 completed 2025-02-10 to 2025-02-11". */
export const historySummary = (event: CertificateEvent | AuditCycleEvent): string => {
  const text = line(event);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A history entry as stored: position, audit cycle, event type, business date, actor, recorded at, summary. */
export type StoredHistoryEntry = [
  position: string,
  auditCycleId: string | null,
  type: string,
  date: CalendarDate,
  actor: string,
  recordedAt: string,
  summary: string,
];

export const storedEntry = (
  recorded: RecordedEvent,
  event: CertificateEvent | AuditCycleEvent,
  auditCycleId: string | null,
): StoredHistoryEntry => [
  recorded.position,
  auditCycleId,
  recorded.type,
  businessDate(event),
  recorded.metadata.actor,
  recorded.metadata.recordedAt,
  historySummary(event),
];
