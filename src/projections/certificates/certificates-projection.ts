import type { Database } from 'better-sqlite3';
import {
  certificateHistory as statusPeriodsOf,
  certificateNumberWithRevision,
  type IssuedCertificateState,
  isIssued,
  latestRevision,
  standardCode,
} from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import {
  REGISTER_QUERY_INDEXES,
  setupRegisterTable,
  writeRegisterEntry,
} from '../register/register-table';
import type { BatchStates, Projection } from '../runner';
import {
  aggregatesIn,
  certificateFold,
  dropTableWith,
  dropTableWithout,
  perDatabase,
} from '../support';
import { certificateNumberKey } from './certificate-number-parts';
import { CERTIFICATE_QUERY_INDEXES, CERTIFICATE_TABLES } from './certificate-tables';
import { revisionPeriods } from './revision-periods';
import type { StatusPeriodView } from './status-periods';

const statements = perDatabase((db: Database) => ({
  upsert: db.prepare(
    `INSERT INTO rm_certificates (certificate_id, organisation_id, number, number_key, revision,
       number_with_revision, recorded_status, standard_identifier, standard_version, standard_code,
       scope, sites, organisation_name, organisation_location, certification_body_name,
       original_certification_date, decision_date, effective_date, expiry_date,
       first_effective_date, first_decision_date, cycle_decision_date, audit_cycle_id,
       policy_profile, auto_suspends_on_missed_surveillance, suspensions, withdrawal, transfer,
       status_periods, version)
     VALUES (:certificateId, :organisationId, :number, :numberKey, :revision, :numberWithRevision,
       :recordedStatus, :standardIdentifier, :standardVersion, :standardCode, :scope, :sites,
       :organisationName, :organisationLocation, :certificationBodyName,
       :originalCertificationDate, :decisionDate, :effectiveDate, :expiryDate,
       :firstEffectiveDate, :firstDecisionDate, :cycleDecisionDate, :auditCycleId,
       :policyProfile, :autoSuspends, :suspensions, :withdrawal, :transfer, :statusPeriods,
       :version)
     ON CONFLICT (certificate_id) DO UPDATE SET number = excluded.number,
       number_key = excluded.number_key, revision = excluded.revision,
       number_with_revision = excluded.number_with_revision,
       recorded_status = excluded.recorded_status,
       standard_identifier = excluded.standard_identifier,
       standard_version = excluded.standard_version, standard_code = excluded.standard_code,
       scope = excluded.scope, sites = excluded.sites,
       organisation_name = excluded.organisation_name,
       organisation_location = excluded.organisation_location,
       original_certification_date = excluded.original_certification_date,
       decision_date = excluded.decision_date, effective_date = excluded.effective_date,
       expiry_date = excluded.expiry_date, first_effective_date = excluded.first_effective_date,
       first_decision_date = excluded.first_decision_date,
       cycle_decision_date = excluded.cycle_decision_date,
       audit_cycle_id = excluded.audit_cycle_id, suspensions = excluded.suspensions, withdrawal = excluded.withdrawal,
       transfer = excluded.transfer, status_periods = excluded.status_periods,
       version = excluded.version`,
  ),
  upsertRevisions: db.prepare<[string, string]>(
    `INSERT INTO rm_certificate_revisions (certificate_id, revisions) VALUES (?, ?)
     ON CONFLICT (certificate_id) DO UPDATE SET revisions = excluded.revisions`,
  ),
  deletePeriods: db.prepare<[string]>(
    'DELETE FROM rm_certificate_status_periods WHERE certificate_id = ?',
  ),
  insertPeriod: db.prepare<[string, string, string | null, string, number, number]>(
    `INSERT INTO rm_certificate_status_periods
       (certificate_id, from_date, to_date, status, revision, restoration_gap)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  deleteRevisionPeriods: db.prepare<[string]>(
    'DELETE FROM rm_certificate_revision_periods WHERE certificate_id = ?',
  ),
  insertRevisionPeriod: db.prepare(
    `INSERT INTO rm_certificate_revision_periods (certificate_id, from_date, until_date, number,
       revision, standard_identifier, standard_code, expiry_date)
     VALUES (:certificateId, :from, :until, :number, :revision, :standardIdentifier,
       :standardCode, :expiryDate)`,
  ),
}));

const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

/**
 * The latest revision's columns hold the latest one that takes effect (one due on or after the
 * withdrawal stays in `revisions` only); the cycle's, the current cycle, which begins at its
 * decision even when a withdrawal means the renewal never takes effect.
 */
const writeCertificate = (
  db: Database,
  state: IssuedCertificateState,
  version: number,
  periods: readonly StatusPeriodView[],
): void => {
  const latest = latestRevision(state);
  statements(db).upsert.run({
    certificateId: state.certificateId,
    organisationId: state.organisationId,
    number: state.number,
    numberKey: certificateNumberKey(state.number),
    revision: latest.revision,
    numberWithRevision: certificateNumberWithRevision(state.number, latest.revision),
    recordedStatus: state.status,
    standardIdentifier: latest.standard.identifier,
    standardVersion: latest.standard.version,
    standardCode: standardCode(latest.standard),
    scope: latest.scope,
    sites: JSON.stringify(latest.sites),
    organisationName: latest.organisationName,
    organisationLocation: latest.organisationLocation,
    certificationBodyName: state.certificationBodyName,
    originalCertificationDate: state.originalCertificationDate,
    decisionDate: latest.decisionDate,
    effectiveDate: latest.effectiveDate,
    expiryDate: latest.expiryDate,
    firstEffectiveDate: state.revisions[0]?.effectiveDate ?? state.effectiveDate,
    firstDecisionDate: state.revisions[0]?.decisionDate ?? state.decisionDate,
    cycleDecisionDate: state.cycleDecisionDate,
    auditCycleId: state.auditCycleId,
    policyProfile: state.policy.profile,
    autoSuspends: state.policy.autoSuspendOnMissedSurveillance ? 1 : 0,
    suspensions: JSON.stringify(state.suspensions),
    withdrawal: json(state.withdrawal),
    transfer: json(state.transfer),
    statusPeriods: JSON.stringify(periods),
    version,
  });
  statements(db).upsertRevisions.run(state.certificateId, JSON.stringify(state.revisions));
};

const writePeriods = (
  db: Database,
  certificateId: string,
  periods: StatusPeriodView[],
  stored: boolean,
): void => {
  const s = statements(db);
  if (stored) s.deletePeriods.run(certificateId);
  for (const p of periods) {
    s.insertPeriod.run(certificateId, p.from, p.to, p.status, p.revision, p.restorationGap ? 1 : 0);
  }
};

const writeRevisionPeriods = (
  db: Database,
  state: IssuedCertificateState,
  stored: boolean,
): void => {
  const s = statements(db);
  if (stored) s.deleteRevisionPeriods.run(state.certificateId);
  for (const { revision, from, until } of revisionPeriods(state)) {
    s.insertRevisionPeriod.run({
      certificateId: state.certificateId,
      from,
      until,
      number: state.number,
      revision: revision.revision,
      standardIdentifier: revision.standard.identifier,
      standardCode: standardCode(revision.standard),
      expiryDate: revision.expiryDate,
    });
  }
};

/** Writes each certificate the batch changed once, from its state after the batch. */
const applyBatch = (events: readonly RecordedEvent[], db: Database, states: BatchStates): void => {
  for (const [id, firstVersion] of aggregatesIn(events, certificateFold.category)) {
    const { state, version } = states.of(certificateFold, id);
    if (!isIssued(state)) continue;
    const periods = statusPeriodsOf(state);
    writeCertificate(db, state, version, periods);
    writePeriods(db, id, periods, firstVersion > 1);
    writeRevisionPeriods(db, state, firstVersion > 1);
    writeRegisterEntry(db, state, periods);
  }
};

/**
 * Certificates (latest revision, dates, status periods) and the public register (every revision's
 * public content). Version 5: a revision due to take effect on or after the withdrawal never does,
 * so it starts no status period, is not the latest revision and the register marks it. Version 6:
 * except one due on the withdrawal day that the certificate was in force by (a restoration, or a
 * renewal effective the day after the expiry it renews): see the domain's `takesEffect`. Version 7:
 * each certificate row holds its status periods as JSON too (one row read per certificate).
 * Version 8: each row holds its first decision date in this CB, and the register each revision's
 * decision date, so that a certificate is not listed, counted or verified as of a date before it
 * was decided (nor a revision before its decision). Version 9: the revisions are in a table of their
 * own, out of the certificate row. Version 10: each row says whether the policy recorded at the
 * application suspends the certificate for a missed surveillance, which the deadline scan reads
 * instead of loading the certificate. Version 11: each row, and each register entry, holds its
 * number's key (`certificateNumberKey`, a new column: a table without it is replaced), which the
 * lookups by number read, so a number typed in another case, with a revision suffix in lower case or
 * with other dashes is found. Version 12: the key leaves out dashes and white space, so a number
 * typed with other separators, or none (`CN2000000042`), is found too. Version 13: and dots and
 * underscores (`CN.20000.00042`, `CN_20000_00042`, a number printed with dots typed with hyphens).
 * Version 14: each revision that takes effect has a row in `rm_certificate_revision_periods` with
 * the days it is in force (the first from its decision), so `certificates(asOf)` filters on the
 * revision in force on its date rather than the last one decided (and `revisionOn` reads it).
 * Version 15: a renewal keeping the expiry date (to the superseded version, capped at the same
 * transition end) entered after the scan recorded that expiry leaves the recorded status EXPIRED.
 */
export const certificatesProjection: Projection = {
  name: 'certificates',
  version: 15,
  setup: (db) => {
    dropTableWithout(db, 'rm_certificates', 'status_periods');
    dropTableWithout(db, 'rm_certificates', 'first_decision_date');
    dropTableWithout(db, 'rm_certificates', 'auto_suspends_on_missed_surveillance');
    dropTableWithout(db, 'rm_certificates', 'number_key');
    dropTableWith(db, 'rm_certificates', 'revisions');
    db.exec(CERTIFICATE_TABLES);
    setupRegisterTable(db);
  },
  queryIndexes: { ...CERTIFICATE_QUERY_INDEXES, ...REGISTER_QUERY_INDEXES },
  reset: (db) =>
    db.exec(
      'DELETE FROM rm_certificates; DELETE FROM rm_certificate_revisions; DELETE FROM rm_certificate_status_periods; DELETE FROM rm_certificate_revision_periods; DELETE FROM rm_register;',
    ),
  folds: [certificateFold],
  applyBatch,
};
