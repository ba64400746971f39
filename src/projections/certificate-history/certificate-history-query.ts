import type { Database } from 'better-sqlite3';
import type { CalendarDate } from '../../domain';
import { perDatabase } from '../support';
import type { StoredHistoryEntry } from './history-entry';
import { type VoidedExpiryNote, withVoidedExpiryNotes } from './voided-expiry-notes';

export interface CertificateHistoryEntry {
  /** Event type, e.g. `CertificateSuspended`, `AuditCompleted`. */
  type: string;
  /** The business date of the event. */
  date: CalendarDate;
  /** Who issued the command (person or system id). */
  actor: string;
  summary: string;
  /** Set for events of the certificate's audit cycles. */
  auditCycleId: string | null;
  recordedAt: string;
  /** Global position: the order events were recorded in. */
  position: string;
}

const statements = perDatabase((db: Database) => ({
  entries: db.prepare<[string], { entries: string; voided_expiries: string | null }>(
    'SELECT entries, voided_expiries FROM rm_certificate_histories WHERE certificate_id = ?',
  ),
}));

/**
 * Every event of the certificate and its audit cycles, in the order recorded; a recorded expiry a
 * later-entered withdrawal, renewal or transition voids says so (see withVoidedExpiryNotes).
 */
export const certificateHistory = (
  db: Database,
  certificateId: string,
): CertificateHistoryEntry[] => {
  const row = statements(db).entries.get(certificateId);
  if (row === undefined) return [];
  const entries = (JSON.parse(row.entries) as StoredHistoryEntry[]).map(
    ([position, auditCycleId, type, date, actor, recordedAt, summary]) => ({
      type,
      date,
      actor,
      summary,
      auditCycleId,
      recordedAt,
      position,
    }),
  );
  const notes =
    row.voided_expiries === null ? [] : (JSON.parse(row.voided_expiries) as VoidedExpiryNote[]);
  return withVoidedExpiryNotes(entries, notes);
};
