import type { Database } from 'better-sqlite3';
import {
  addDaysUpToLast,
  type CalendarDate,
  calendarDate,
  type CertificateStatus,
  type DeadlineType,
} from '../../domain';
import { CERTIFICATE_STATUSES } from '../certificates/certificate-queries';
import { InvalidDeadlineQueryError, MAX_WITHIN_DAYS } from '../deadlines/deadline-queries';
import { DEADLINE_TYPES } from '../deadlines/deadline-view';
import { perDatabase } from '../support';

export interface DeadlineCounts {
  type: DeadlineType;
  /** Open and due within the window after asOf. */
  upcoming: number;
  dueToday: number;
  overdue: number;
  /** Met on or before asOf. */
  met: number;
  /** Ended by themselves, unmet, on or before asOf. */
  ended: number;
}

export interface Dashboard {
  asOf: CalendarDate;
  withinDays: number;
  /** Certificates decided on or before asOf, by status on it (DRAFT: not yet in force). */
  certificatesByStatus: Record<CertificateStatus, number>;
  deadlinesByType: DeadlineCounts[];
}

export interface DashboardOptions {
  /** Window for `upcoming` (default 90 days). */
  withinDays?: number | null;
  /** Count one organisation only (a CLIENT's dashboard). */
  organisationId?: string | null;
}

const statements = perDatabase((db: Database) => ({
  statuses: db.prepare<
    { asOf: string; organisationId: string | null },
    { status: string; n: number }
  >(
    `SELECT p.status AS status, count(*) AS n FROM rm_certificate_status_periods p
     JOIN rm_certificates c ON c.certificate_id = p.certificate_id
     WHERE p.from_date <= :asOf AND (p.to_date IS NULL OR p.to_date >= :asOf)
       AND (:organisationId IS NULL OR c.organisation_id = :organisationId)
     GROUP BY p.status
     UNION ALL
     SELECT 'DRAFT', count(*) FROM rm_certificates
     WHERE first_decision_date <= :asOf AND first_effective_date > :asOf
       AND (:organisationId IS NULL OR organisation_id = :organisationId)`,
  ),
  deadlines: db.prepare<
    { asOf: string; end: string; organisationId: string | null },
    { type: string; state: string; n: number }
  >(
    `SELECT type, state, count(*) AS n FROM (
       SELECT type, due_date, CASE
         WHEN met_on <= :asOf AND (closes_on IS NULL OR met_on < closes_on) THEN 'MET'
         WHEN closes_on <= :asOf THEN 'ENDED'
         WHEN due_date > :asOf THEN 'UPCOMING'
         WHEN due_date = :asOf THEN 'DUE_TODAY'
         ELSE 'OVERDUE' END AS state
       FROM rm_deadlines
       WHERE opened_on <= :asOf
         AND (:organisationId IS NULL OR organisation_id = :organisationId))
     WHERE state <> 'UPCOMING' OR due_date <= :end
     GROUP BY type, state`,
  ),
}));

/** Certificates by status and deadlines by type and state, all as of a date. */
export const dashboard = (
  db: Database,
  asOf: CalendarDate,
  options: DashboardOptions = {},
): Dashboard => {
  const date = calendarDate(asOf);
  const withinDays = options.withinDays ?? 90;
  if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > MAX_WITHIN_DAYS) {
    throw new InvalidDeadlineQueryError(
      'withinDays',
      `withinDays must be a whole number from 0 to ${MAX_WITHIN_DAYS}, got ${withinDays}`,
    );
  }
  const organisationId = options.organisationId ?? null;
  const s = statements(db);
  const certificatesByStatus = Object.fromEntries(
    CERTIFICATE_STATUSES.map((status) => [status, 0]),
  ) as Record<CertificateStatus, number>;
  for (const row of s.statuses.all({ asOf: date, organisationId })) {
    certificatesByStatus[row.status as CertificateStatus] += row.n;
  }
  const counts = new Map(
    DEADLINE_TYPES.map((type) => [
      type,
      { type, upcoming: 0, dueToday: 0, overdue: 0, met: 0, ended: 0 },
    ]),
  );
  const field = {
    UPCOMING: 'upcoming',
    DUE_TODAY: 'dueToday',
    OVERDUE: 'overdue',
    MET: 'met',
    ENDED: 'ended',
  };
  const end = addDaysUpToLast(date, withinDays);
  for (const row of s.deadlines.all({ asOf: date, end, organisationId })) {
    const entry = counts.get(row.type as DeadlineType);
    const name = field[row.state as keyof typeof field] as keyof Omit<DeadlineCounts, 'type'>;
    if (entry) entry[name] += row.n;
  }
  return { asOf: date, withinDays, certificatesByStatus, deadlinesByType: [...counts.values()] };
};
