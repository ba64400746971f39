import { queryIndexes } from '../support/query-indexes';

/**
 * The certificate read model; `periods` hold the status history as date ranges, for the lists'
 * status filters, and each certificate row holds its own as JSON (`status_periods`), so reading
 * one certificate is one row. `first_decision_date` is the first revision's decision in this CB
 * (not `original_certification_date`, a transfer-in's date at the previous CB): before it the
 * certificate did not exist, so lists as of an earlier date leave it out. Every revision decided is
 * in `rm_certificate_revisions`, out of the certificate row: the revisions took about half of each
 * row, and a lookup by number (the public's, a dashboard's) reads a row from a random page, so the
 * table a store larger than the page cache must read from disk is about half as large (85 MB
 * instead of 154 MB for 100,000 certificates). `number_key` is the number as `certificateNumberKey`
 * reduces it, which a lookup by number reads (whatever case or separators it was typed with; numbers
 * printed under different patterns may share one). `rm_certificate_revision_periods` holds, for
 * each revision that takes effect, the days it is in force (`revisionPeriods`: `until_date`
 * exclusive, null runs on) with what the lists filter and order on, so a list as of a date filters
 * on the standard and expiry of the revision in force then, and `certificateRevisionOn` reads a
 * certificate's on a date by its key. Version 1 kept folded
 * certificate states in private tables: version 2 folds them from the log and drops those.
 */
export const CERTIFICATE_TABLES = `
DROP TABLE IF EXISTS rm_certificate_states;
DROP TABLE IF EXISTS rm_certificate_states_fixed;
DROP INDEX IF EXISTS rm_certificates_by_standard;
DROP INDEX IF EXISTS rm_certificates_by_expiry;
CREATE TABLE IF NOT EXISTS rm_certificates (
  certificate_id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  number TEXT NOT NULL,
  number_key TEXT NOT NULL,
  revision INTEGER NOT NULL,
  number_with_revision TEXT NOT NULL,
  recorded_status TEXT NOT NULL,
  standard_identifier TEXT NOT NULL,
  standard_version TEXT NOT NULL,
  standard_code TEXT NOT NULL,
  scope TEXT NOT NULL,
  sites TEXT NOT NULL,
  organisation_name TEXT NOT NULL,
  organisation_location TEXT NOT NULL,
  certification_body_name TEXT NOT NULL,
  original_certification_date TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  effective_date TEXT NOT NULL,
  expiry_date TEXT NOT NULL,
  first_effective_date TEXT NOT NULL,
  first_decision_date TEXT NOT NULL,
  cycle_decision_date TEXT NOT NULL,
  audit_cycle_id TEXT NOT NULL,
  policy_profile TEXT NOT NULL,
  auto_suspends_on_missed_surveillance INTEGER NOT NULL DEFAULT 0,
  suspensions TEXT NOT NULL,
  withdrawal TEXT,
  transfer TEXT,
  status_periods TEXT NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS rm_certificate_revisions (
  certificate_id TEXT PRIMARY KEY,
  revisions TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rm_certificate_status_periods (
  certificate_id TEXT NOT NULL,
  from_date TEXT NOT NULL,
  to_date TEXT,
  status TEXT NOT NULL,
  revision INTEGER NOT NULL,
  restoration_gap INTEGER NOT NULL,
  PRIMARY KEY (certificate_id, from_date)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rm_certificate_revision_periods (
  certificate_id TEXT NOT NULL,
  from_date TEXT NOT NULL,
  until_date TEXT,
  number TEXT NOT NULL,
  revision INTEGER NOT NULL,
  standard_identifier TEXT NOT NULL,
  standard_code TEXT NOT NULL,
  expiry_date TEXT NOT NULL,
  PRIMARY KEY (certificate_id, from_date)
) STRICT, WITHOUT ROWID;
`;

/**
 * The indexes only queries read (lists by number, organisation, status; a lookup by number's key;
 * lists by the standard of the revision in force on their date, today without one). Lists filter
 * standard and expiry on the revision periods, so the certificate rows' own standard and expiry
 * indexes went (dropped from older stores at start).
 */
export const CERTIFICATE_QUERY_INDEXES = queryIndexes({
  rm_certificates_by_number: 'ON rm_certificates (number, certificate_id)',
  rm_certificates_by_number_key: 'ON rm_certificates (number_key, certificate_id)',
  rm_certificates_by_organisation: 'ON rm_certificates (organisation_id, number, certificate_id)',
  rm_certificate_status_periods_by_status: 'ON rm_certificate_status_periods (status, from_date)',
  rm_certificate_revision_periods_by_standard:
    'ON rm_certificate_revision_periods (standard_code, number, certificate_id)',
  rm_certificate_revision_periods_by_identifier:
    'ON rm_certificate_revision_periods (standard_identifier, number, certificate_id)',
});
