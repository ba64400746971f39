import type { Database } from 'better-sqlite3';
import type { CalendarDate } from '../../domain';
import { perDatabase } from '../support';

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

interface HistoryRow {
  position: string;
  audit_cycle_id: string | null;
  event_type: string;
  business_date: string;
  actor: string;
  recorded_at: string;
  summary: string;
}

const statements = perDatabase((db: Database) => ({
  history: db.prepare<[string], HistoryRow>(
    `SELECT position, audit_cycle_id, event_type, business_date, actor, recorded_at, summary
     FROM rm_certificate_history WHERE certificate_id = ? ORDER BY position`,
  ),
}));

/** Every event of the certificate and its audit cycles, in the order recorded. */
export const certificateHistory = (
  db: Database,
  certificateId: string,
): CertificateHistoryEntry[] =>
  statements(db)
    .history.all(certificateId)
    .map((row) => ({
      type: row.event_type,
      date: row.business_date as CalendarDate,
      actor: row.actor,
      summary: row.summary,
      auditCycleId: row.audit_cycle_id,
      recordedAt: row.recorded_at,
      position: row.position,
    }));
