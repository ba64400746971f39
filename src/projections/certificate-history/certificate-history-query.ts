import type { Database } from 'better-sqlite3';
import type { CalendarDate } from '../../domain';
import { perDatabase } from '../support';
import { expiryVoidedByWithdrawal } from './expiry-voided-by-withdrawal';
import type { StoredHistoryEntry } from './history-entry';

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
  entries: db
    .prepare<[string], string>(
      'SELECT entries FROM rm_certificate_histories WHERE certificate_id = ?',
    )
    .pluck(),
}));

/**
 * Every event of the certificate and its audit cycles, in the order recorded; a recorded expiry a
 * later-entered withdrawal voids says so (see expiryVoidedByWithdrawal).
 */
export const certificateHistory = (
  db: Database,
  certificateId: string,
): CertificateHistoryEntry[] => {
  const stored = statements(db).entries.get(certificateId);
  if (stored === undefined) return [];
  const entries = (JSON.parse(stored) as StoredHistoryEntry[]).map(
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
  return expiryVoidedByWithdrawal(entries);
};
