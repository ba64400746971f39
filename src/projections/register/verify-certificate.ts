import type { Database } from 'better-sqlite3';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  type CertificateStatus,
  type CertSearchStatus,
  certificateNumberWithRevision,
  certSearchStatus,
  type RevisionStatus,
  type StandardReference,
} from '../../domain';
import { certificateNumberParts } from '../certificates/certificate-number-parts';
import { closestByNumber } from '../certificates/closest-by-number';
import { statusOnFromPeriods, type StatusPeriodView } from '../certificates/status-periods';
import { perDatabase } from '../support';
import type { PublicRevision, RegisterRevision } from './register-table';

/** What anyone may learn about a certificate: its public content and status history. */
export interface PublicCertificate {
  number: string;
  /** The revision in force on the as-of date. */
  revision: number;
  /** The number as printed on the revision in force on the as-of date. */
  numberWithRevisionInForce: string;
  /** The number as printed on the requested revision (`CN-20000-00042/R2`). */
  numberWithRevision: string;
  /**
   * The revision whose document bears the number asked for: the one its suffix names, else the
   * first (printed without a suffix).
   */
  requestedRevision: number;
  /** Whether the requested revision is the one in force on the as-of date. */
  revisionStatus: RevisionStatus;
  certificationBodyName: string;
  /** The requested revision's holder, standard, scope, sites, effective and expiry dates. */
  organisationName: string;
  organisationLocation: string;
  standard: StandardReference;
  scope: string;
  sites: PublicRevision['sites'];
  effectiveDate: CalendarDate;
  expiryDate: CalendarDate;
  originalCertificationDate: CalendarDate;
  asOf: CalendarDate;
  status: CertificateStatus;
  certSearchStatus: CertSearchStatus;
  /** ACTIVE, and the requested revision is the one in force: its document may be relied on. */
  valid: boolean;
  /** Up to the as-of date: none begins after it, and the one in force on it runs on. */
  statusPeriods: Pick<StatusPeriodView, 'status' | 'from' | 'to'>[];
}

interface RegisterRow {
  number: string;
  certification_body_name: string;
  original_certification_date: string;
  revisions: string;
  periods: string;
}

const statements = perDatabase((db: Database) => ({
  byNumberKey: db.prepare<[string], RegisterRow>(
    `SELECT number, certification_body_name, original_certification_date, revisions, periods
     FROM rm_register WHERE number_key = ?
     ORDER BY certificate_id`,
  ),
}));

/**
 * The revision in force on `asOf`: the last to take effect by then (the first before any has), as
 * the domain's `revisionOn` says: one a withdrawal means never takes effect is left out.
 */
const inForceOn = (revisions: readonly RegisterRevision[], asOf: CalendarDate): RegisterRevision =>
  revisions.filter((r) => r.takesEffect && r.effectiveDate <= asOf).at(-1) ?? revisions[0]!;

/** As the domain's `revisionStatusOn`: DRAFT until it takes effect, for ever if it never does. */
const revisionStatus = (
  requested: PublicRevision,
  inForce: PublicRevision,
  asOf: CalendarDate,
): RevisionStatus => {
  if (requested.effectiveDate > asOf || !requested.takesEffect) return 'DRAFT';
  return inForce.revision === requested.revision ? 'CURRENT' : 'SUPERSEDED';
};

type PublicPeriods = PublicCertificate['statusPeriods'];

/**
 * One period per status run: the register shows no revisions, so a revision taking effect during a
 * suspension (or while active) does not split it into two that read as two suspensions.
 */
const joinedRuns = (periods: PublicPeriods): PublicPeriods =>
  periods.reduce<PublicPeriods>((runs, period) => {
    const last = runs.at(-1);
    if (last?.status === period.status && last.to !== null && addDays(last.to, 1) === period.from) {
      return [...runs.slice(0, -1), { ...last, to: period.to }];
    }
    return [...runs, period];
  }, []);

/**
 * The status history as the as-of date knows it: a period that begins after it is left out, and
 * the one in force on it runs on (`to` null), so a check as of a date tells nothing that came later.
 */
const periodsKnownOn = (periods: PublicPeriods, asOf: CalendarDate): PublicPeriods =>
  joinedRuns(periods.filter((period) => period.from <= asOf)).map((period) =>
    period.to !== null && period.to < asOf ? period : { ...period, to: null },
  );

/**
 * A register row as the public knew it on `date`: its revisions decided by then, and its status
 * periods and status; null when it was not public then (none decided yet, or still DRAFT), so a
 * certificate decided later, or not yet in force, neither answers nor makes a number ambiguous.
 */
const publicOn = (row: RegisterRow, date: CalendarDate) => {
  const revisions = (JSON.parse(row.revisions) as RegisterRevision[]).filter(
    (r) => r.decisionDate <= date,
  );
  if (revisions.length === 0) return null;
  const periods = JSON.parse(row.periods) as PublicCertificate['statusPeriods'];
  const status = statusOnFromPeriods(periods, date);
  return status === 'DRAFT' ? null : { row, revisions, periods, status };
};

/**
 * The public check of a certificate number (with or without a revision suffix) as of a date: the
 * content of the revision whose document bears that number, which a number without a suffix names
 * the first (`certificateNumberWithRevision` prints it without one); only the revision in force of
 * an ACTIVE certificate is valid (a superseded or draft document is not). Null when no
 * certificate (or no such revision) exists on that date: one first decided after it, or a revision
 * decided after it, is as unknown; so is a certificate still DRAFT then (decided, not yet in
 * force), since a register shows verifiers only Active, Suspended, Withdrawn and Expired
 * certificates (IAF CertSearch; domain.md §3). The number is found whatever its case or
 * separators (`closestByNumber`, among the certificates known on that date: one matching several
 * of their numbers equally closely is an AmbiguousCertificateNumberError). Never exposes ids, findings, reasons or
 * decision dates, nor a status that began after the as-of date.
 */
export const verifyCertificate = (
  db: Database,
  number: string,
  asOf: CalendarDate,
): PublicCertificate | null => {
  const date = calendarDate(asOf);
  const parts = certificateNumberParts(number);
  const found = closestByNumber(
    statements(db)
      .byNumberKey.all(parts.key)
      .map((row) => ({ row, known: publicOn(row, date) })),
    (candidate) => candidate.row.number,
    parts.number,
    (candidate) => candidate.known !== null,
  );
  if (!found?.known) return null;
  const { row, revisions, periods, status } = found.known;
  const inForce = inForceOn(revisions, date);
  const requested = revisions.find((r) => r.revision === (parts.revision ?? 1));
  if (!requested) return null;
  const requestedStatus = revisionStatus(requested, inForce, date);
  return {
    number: row.number,
    revision: inForce.revision,
    numberWithRevisionInForce: certificateNumberWithRevision(row.number, inForce.revision),
    numberWithRevision: certificateNumberWithRevision(row.number, requested.revision),
    requestedRevision: requested.revision,
    revisionStatus: requestedStatus,
    organisationName: requested.organisationName,
    organisationLocation: requested.organisationLocation,
    certificationBodyName: row.certification_body_name,
    standard: requested.standard,
    scope: requested.scope,
    sites: requested.sites,
    effectiveDate: requested.effectiveDate,
    expiryDate: requested.expiryDate,
    originalCertificationDate: row.original_certification_date as CalendarDate,
    asOf: date,
    status,
    certSearchStatus: certSearchStatus(status),
    valid: status === 'ACTIVE' && requestedStatus === 'CURRENT',
    statusPeriods: periodsKnownOn(periods, date),
  };
};
