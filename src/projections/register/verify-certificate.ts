import type { Database } from 'better-sqlite3';
import {
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
import { statusOnFromPeriods, type StatusPeriodView } from '../certificates/status-periods';
import { perDatabase } from '../support';

/** What anyone may learn about a certificate: its public content and status history. */
export interface PublicCertificate {
  number: string;
  /** The current revision and its printed number (`CN-20000-00042/R2`). */
  revision: number;
  numberWithRevision: string;
  /** The revision named by the suffix of the number asked for, or the current one. */
  requestedRevision: number;
  /** Whether the requested revision is the one in force on the as-of date. */
  revisionStatus: RevisionStatus;
  organisationName: string;
  organisationLocation: string;
  certificationBodyName: string;
  standard: StandardReference;
  scope: string;
  sites: { name: string; address: string; scope: string }[];
  originalCertificationDate: CalendarDate;
  effectiveDate: CalendarDate;
  expiryDate: CalendarDate;
  asOf: CalendarDate;
  status: CertificateStatus;
  certSearchStatus: CertSearchStatus;
  valid: boolean;
  statusPeriods: Pick<StatusPeriodView, 'status' | 'from' | 'to'>[];
}

interface RegisterRow {
  number: string;
  revision: number;
  organisation_name: string;
  organisation_location: string;
  certification_body_name: string;
  standard_identifier: string;
  standard_version: string;
  scope: string;
  sites: string;
  original_certification_date: string;
  effective_date: string;
  expiry_date: string;
  revisions: string;
  periods: string;
}

interface RevisionDates {
  revision: number;
  effectiveDate: CalendarDate;
}

const statements = perDatabase((db: Database) => ({
  byNumber: db.prepare<[string], RegisterRow>(
    `SELECT number, revision, organisation_name, organisation_location, certification_body_name,
       standard_identifier, standard_version, scope, sites, original_certification_date,
       effective_date, expiry_date, revisions, periods
     FROM rm_register WHERE number = ? ORDER BY certificate_id LIMIT 1`,
  ),
}));

const revisionStatus = (
  revisions: readonly RevisionDates[],
  requested: RevisionDates,
  asOf: CalendarDate,
): RevisionStatus => {
  if (requested.effectiveDate > asOf) return 'DRAFT';
  const inForce = revisions.filter((r) => r.effectiveDate <= asOf).at(-1);
  return inForce?.revision === requested.revision ? 'CURRENT' : 'SUPERSEDED';
};

/**
 * The public check of a certificate number (with or without a revision suffix) as of a date.
 * Null when no certificate (or no such revision) exists. Never exposes ids, findings or reasons.
 */
export const verifyCertificate = (
  db: Database,
  number: string,
  asOf: CalendarDate,
): PublicCertificate | null => {
  const date = calendarDate(asOf);
  const parts = certificateNumberParts(number);
  const row = statements(db).byNumber.get(parts.number);
  if (!row) return null;
  const revisions = JSON.parse(row.revisions) as RevisionDates[];
  const requested = revisions.find((r) => r.revision === (parts.revision ?? row.revision));
  if (!requested) return null;
  const periods = JSON.parse(row.periods) as PublicCertificate['statusPeriods'];
  const status = statusOnFromPeriods(periods, date);
  return {
    number: row.number,
    revision: row.revision,
    numberWithRevision: certificateNumberWithRevision(row.number, row.revision),
    requestedRevision: requested.revision,
    revisionStatus: revisionStatus(revisions, requested, date),
    organisationName: row.organisation_name,
    organisationLocation: row.organisation_location,
    certificationBodyName: row.certification_body_name,
    standard: { identifier: row.standard_identifier, version: row.standard_version },
    scope: row.scope,
    sites: JSON.parse(row.sites) as PublicCertificate['sites'],
    originalCertificationDate: row.original_certification_date as CalendarDate,
    effectiveDate: row.effective_date as CalendarDate,
    expiryDate: row.expiry_date as CalendarDate,
    asOf: date,
    status,
    certSearchStatus: certSearchStatus(status),
    valid: status === 'ACTIVE',
    statusPeriods: periods,
  };
};
