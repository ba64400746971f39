import type { Database } from 'better-sqlite3';
import {
  addDaysUpToLast,
  type CalendarDate,
  calendarDate,
  type DeadlineType,
  type RecordedStatus,
} from '../../domain';
import { perDatabase } from '../support';

/** An open deadline with what a reminder names: certificate number, status and version. */
export interface OpenDeadlineView {
  certificateId: string;
  organisationId: string;
  /** The audit cycle it belongs to (null: one of a certificate outside any cycle). */
  auditCycleId: string | null;
  type: DeadlineType;
  key: string;
  dueDate: CalendarDate;
  subject: string;
  /** Null while the certificate is not issued yet (e.g. a finding of the initial audits). */
  certificateNumber: string | null;
  certificateStatus: RecordedStatus | null;
  /** The certificate's version in the read model; null while it is not issued. */
  version: number | null;
}

export interface OpenDeadlinesOptions {
  /** Deadlines due up to this many days after asOf, overdue ones included (default 90). */
  withinDays?: number;
  /** Rows read per query (default 2000); no query stays open between pages. */
  pageSize?: number;
  /**
   * Also list the current expiry of a certificate whose recorded status does not say it expired
   * yet once it ended by itself, so that the scanner's actions record every expiry, however late
   * they run (default false: reminders get none for a deadline that ended by itself).
   */
  includeUnrecordedExpiry?: boolean;
}

interface OpenDeadlineRow {
  aggregate_id: string;
  certificate_id: string;
  organisation_id: string;
  audit_cycle_id: string | null;
  type: string;
  key: string;
  due_date: string;
  subject: string;
  number: string | null;
  recorded_status: string | null;
  version: number | null;
}

/**
 * Set by `asOf`, not met nor ended by itself, and not of a withdrawn certificate. With
 * `:unrecordedExpiry` = 1, the current expiry of a certificate whose recorded status does not say
 * it expired yet stays listed once it ended by itself (when the certificate lapsed for good: the
 * day after it expired when it cannot be restored). Surveillance audits count only in the
 * certificate's current audit cycle (a renewal supersedes the previous cycle's programme) and
 * while it has not expired. The certificate joined is the deadline's only when of the same
 * organisation: an audit cycle of another organisation may name its id (two applications
 * submitted at once with one id).
 */
const OPEN_DEADLINES = `
  SELECT d.aggregate_id, d.certificate_id, d.organisation_id, d.audit_cycle_id, d.type, d.key,
    d.due_date,
    d.subject, c.number, c.recorded_status, c.version
  FROM rm_deadlines d LEFT JOIN rm_certificates c
    ON c.certificate_id = d.certificate_id AND c.organisation_id = d.organisation_id
  WHERE d.met_on IS NULL AND d.due_date <= :end AND d.opened_on <= :asOf
    AND (d.closes_on IS NULL OR d.closes_on > :asOf
      OR (:unrecordedExpiry = 1 AND d.type = 'CERTIFICATE_EXPIRY' AND d.due_date = c.expiry_date
        AND c.recorded_status IN ('ACTIVE', 'SUSPENDED')))
    AND (d.due_date, d.key, d.aggregate_id) > (:afterDue, :afterKey, :afterId)
    AND coalesce(c.recorded_status, '') <> 'WITHDRAWN'
    AND (d.type <> 'SURVEILLANCE_AUDIT_DUE'
      OR (c.audit_cycle_id = d.audit_cycle_id AND c.recorded_status <> 'EXPIRED'))
  ORDER BY d.due_date, d.key, d.aggregate_id
  LIMIT :limit`;

const statements = perDatabase((db: Database) => ({
  page: db.prepare<Record<string, unknown>, OpenDeadlineRow>(OPEN_DEADLINES),
}));

const toView = (row: OpenDeadlineRow): OpenDeadlineView => ({
  certificateId: row.certificate_id,
  organisationId: row.organisation_id,
  auditCycleId: row.audit_cycle_id,
  type: row.type as DeadlineType,
  key: row.key,
  dueDate: row.due_date as CalendarDate,
  subject: row.subject,
  certificateNumber: row.number,
  certificateStatus: row.recorded_status as RecordedStatus | null,
  version: row.version,
});

/**
 * Deadlines open on `asOf` and due within `withinDays` after it (overdue ones too), by due date,
 * for the deadline scanner: its reminders, and its actions (with `includeUnrecordedExpiry`). Read
 * page by page, so the caller may write between pages.
 */
export function* openDeadlines(
  db: Database,
  asOf: CalendarDate,
  { withinDays = 90, pageSize = 2000, includeUnrecordedExpiry = false }: OpenDeadlinesOptions = {},
): Generator<OpenDeadlineView> {
  const end = addDaysUpToLast(calendarDate(asOf), withinDays);
  const unrecordedExpiry = includeUnrecordedExpiry ? 1 : 0;
  let after = { afterDue: '', afterKey: '', afterId: '' };
  for (;;) {
    const rows = statements(db).page.all({
      asOf,
      end,
      unrecordedExpiry,
      limit: pageSize,
      ...after,
    });
    for (const row of rows) yield toView(row);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { afterDue: last.due_date, afterKey: last.key, afterId: last.aggregate_id };
  }
}
