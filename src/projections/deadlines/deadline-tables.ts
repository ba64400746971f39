import type { Database } from 'better-sqlite3';
import { dropTableWithout } from '../support/drop-outdated-table';
import { queryIndexes } from '../support/query-indexes';

/**
 * One row per deadline, open or met; the certificate index finds a certificate's cycles.
 * Version 2 kept folded aggregate states in private tables: version 3 folds them from the log;
 * version 4 closes restoration windows that passed; version 5 records when each deadline was set
 * (`opened_on`: as of an earlier date it does not exist); version 6 keeps the day a deadline ends
 * by itself apart (`closes_on`), so that `met_on` stays in the past and the "met later" leg of a
 * query as of today stays empty; version 7 keeps the day each certificate was withdrawn, which
 * closes its audit cycles' deadlines, instead of folding the certificate for every cycle event;
 * version 8 drops the restoration window of a certificate suspended when it
 * expired, which cannot be restored, and leaves a major-NC verification limit verified late overdue;
 * version 9 keeps the day each audit cycle was renewed by a later one, which ends what is left of
 * its surveillance programme, and keeps a granted transfer's surveillance opened on the acceptance
 * (on the pre-transfer review since version 20);
 * version 10 ends a suspension limit with the certificate's expiry (`closes_on`, not `met_on`) when
 * the suspension was still running then; version 11 keeps the day each certificate that expired
 * unrestored lapsed for good, with its current audit cycle, and ends what that term and cycle still
 * had open on that day; version 12 keeps a stage 2 due met on the first stage 2 completed after the
 * latest stage 1, when stage 2 is repeated for a major nonconformity past its verification limit;
 * version 13 ends on the lapse what every audit cycle of the certificate left open, a
 * recertification never decided included (version 11 ended only the current cycle's); version 14
 * keeps a transition deadline met on the expiry at the transition end when a restoration to the
 * new version follows it; version 28 keeps the lapse of every certificate not withdrawn, recorded
 * or not (the day it will lapse for good unless renewed or restored).
 */
const DEADLINE_TABLES = `
DROP TABLE IF EXISTS rm_deadline_certificate_states;
DROP TABLE IF EXISTS rm_deadline_certificate_states_fixed;
DROP TABLE IF EXISTS rm_deadline_cycle_states;
DROP TABLE IF EXISTS rm_deadline_cycle_states_fixed;
CREATE TABLE IF NOT EXISTS rm_deadlines (
  aggregate_id TEXT NOT NULL,
  key TEXT NOT NULL,
  type TEXT NOT NULL,
  certificate_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  audit_cycle_id TEXT,
  due_date TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  met_on TEXT,
  closes_on TEXT,
  subject TEXT NOT NULL,
  PRIMARY KEY (aggregate_id, key)
) STRICT, WITHOUT ROWID;
DROP INDEX IF EXISTS rm_deadlines_open_by_due_date;
CREATE INDEX IF NOT EXISTS rm_deadlines_by_certificate ON rm_deadlines (certificate_id, due_date);
CREATE TABLE IF NOT EXISTS rm_deadline_withdrawals (
  certificate_id TEXT PRIMARY KEY,
  withdrawn_on TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rm_deadline_renewals (
  audit_cycle_id TEXT PRIMARY KEY,
  renewed_on TEXT NOT NULL
) STRICT, WITHOUT ROWID;
DROP TABLE IF EXISTS rm_deadline_lapses;
CREATE TABLE IF NOT EXISTS rm_deadline_certificate_lapses (
  certificate_id TEXT PRIMARY KEY,
  lapsed_on TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rm_deadline_recertification_audits (
  certificate_id TEXT NOT NULL,
  expiry_date TEXT NOT NULL,
  completed_on TEXT NOT NULL,
  PRIMARY KEY (certificate_id, expiry_date)
) STRICT, WITHOUT ROWID;
`;

/**
 * The indexes only queries read: the partial ones serve "what is open, soonest first" (all: a
 * covering index, so a page reads no table rows; or per organisation); the met_on index finds
 * deadlines met after a past as-of date.
 */
export const DEADLINE_QUERY_INDEXES = queryIndexes({
  rm_deadlines_open_by_due_date_covering: `ON rm_deadlines (due_date, key, aggregate_id, type,
    certificate_id, organisation_id, audit_cycle_id, opened_on, met_on, closes_on, subject)
    WHERE met_on IS NULL`,
  rm_deadlines_open_by_organisation: `ON rm_deadlines (organisation_id, due_date, key,
    aggregate_id) WHERE met_on IS NULL`,
  rm_deadlines_by_met_on: 'ON rm_deadlines (met_on) WHERE met_on IS NOT NULL',
});

/**
 * Creates the tables; a table from before version 6 lacks `closes_on` and is dropped first (the
 * version change replays the projection into the new one).
 */
export const setupDeadlineTables = (db: Database): void => {
  dropTableWithout(db, 'rm_deadlines', 'closes_on');
  db.exec(DEADLINE_TABLES);
};
