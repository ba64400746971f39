import type { CalendarDate, CertificateRevision, VoidedExpiry } from '../../domain';
import { standardCode } from '../../domain';
import type { CertificateHistoryEntry } from './certificate-history-query';

/** A recorded expiry's first day without certification, and what voided the record. */
export type VoidedExpiryNote = [expiredOn: CalendarDate, note: string];

const moved = ({ cause, standard, decisionDate, expiryDate }: CertificateRevision): string =>
  `${cause === 'TRANSITIONED' ? `transitioned to ${standardCode(standard)}` : 'renewed'} on ` +
  `${decisionDate} (new expiry ${expiryDate})`;

const voidedByText = (voidedBy: VoidedExpiry['voidedBy']): string =>
  'withdrawal' in voidedBy
    ? `withdrawn on ${voidedBy.withdrawal.withdrawnOn}`
    : moved(voidedBy.revision);

/** The note of a recorded expiry the domain found voided (`VoidedExpiry`), as history gives it. */
export const voidedExpiryNote = ({ expiredOn, voidedBy }: VoidedExpiry): VoidedExpiryNote => [
  expiredOn,
  `${voidedByText(voidedBy)}, entered after this record`,
];

/**
 * A recorded expiry that a withdrawal, renewal or transition decided in time and entered after the
 * record voids keeps its entry, in the order recorded, and says so. Entered before the scan, such
 * a change leaves no expiry to record.
 */
export const withVoidedExpiryNotes = (
  entries: readonly CertificateHistoryEntry[],
  notes: readonly VoidedExpiryNote[],
): CertificateHistoryEntry[] =>
  entries.map((entry) => {
    const note =
      entry.type === 'CertificateExpired'
        ? notes.find(([expiredOn]) => expiredOn === entry.date)?.[1]
        : undefined;
    return note === undefined ? entry : { ...entry, summary: `${entry.summary}; void: ${note}` };
  });
