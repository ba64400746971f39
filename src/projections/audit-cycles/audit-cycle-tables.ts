import { queryIndexes } from '../support/query-indexes';

export const AUDIT_CYCLE_TABLES = `
CREATE TABLE IF NOT EXISTS rm_audit_cycles (
  audit_cycle_id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  certificate_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  standard_identifier TEXT NOT NULL,
  standard_version TEXT NOT NULL,
  submitted_on TEXT NOT NULL,
  application TEXT NOT NULL,
  policy_profile TEXT NOT NULL,
  escalates_overdue_minors INTEGER NOT NULL DEFAULT 0,
  review TEXT,
  transfer_review TEXT,
  decision TEXT,
  version INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS rm_audits (
  audit_cycle_id TEXT NOT NULL,
  audit_id TEXT NOT NULL,
  planned_as INTEGER NOT NULL,
  kind TEXT NOT NULL,
  surveillance_number INTEGER,
  planned_start TEXT NOT NULL,
  planned_end TEXT NOT NULL,
  mode TEXT NOT NULL,
  lead_auditor_id TEXT NOT NULL,
  team TEXT NOT NULL,
  sites TEXT NOT NULL,
  first_day TEXT,
  last_day TEXT,
  completed_team TEXT,
  completed_sites TEXT,
  PRIMARY KEY (audit_cycle_id, audit_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rm_nonconformities (
  audit_cycle_id TEXT NOT NULL,
  nc_id TEXT NOT NULL,
  raised_as INTEGER NOT NULL,
  audit_id TEXT NOT NULL,
  audit_kind TEXT NOT NULL,
  grade TEXT NOT NULL,
  clause TEXT NOT NULL,
  description TEXT NOT NULL,
  raised_on TEXT NOT NULL,
  response_due_on TEXT NOT NULL,
  verification_limit_on TEXT,
  plan_accepted_on TEXT,
  plan TEXT,
  verified_on TEXT,
  escalated_on TEXT,
  PRIMARY KEY (audit_cycle_id, nc_id)
) STRICT, WITHOUT ROWID;
`;

/** The indexes only queries read (a certificate's or an organisation's cycles). */
export const AUDIT_CYCLE_QUERY_INDEXES = queryIndexes({
  rm_audit_cycles_by_certificate: 'ON rm_audit_cycles (certificate_id)',
  rm_audit_cycles_by_organisation: 'ON rm_audit_cycles (organisation_id)',
});
