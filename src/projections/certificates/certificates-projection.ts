import type { Database } from 'better-sqlite3';
import {
  type CertificateEvent,
  type CertificateState,
  certificateHistory as statusPeriodsOf,
  certificateNumberWithRevision,
  certificateDecider,
  initialCertificateState,
  type IssuedCertificateState,
  isIssued,
  standardCode,
} from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import { REGISTER_TABLES, writeRegisterEntry } from '../register/register-table';
import type { Projection } from '../runner';
import { domainEvent, FoldedStates, perDatabase, streamOf } from '../support';
import { CERTIFICATE_TABLES } from './certificate-tables';
import type { StatusPeriodView } from './status-periods';

const states = new FoldedStates<CertificateState, CertificateEvent>({
  table: 'rm_certificate_states',
  initial: initialCertificateState,
  evolve: (state, event) => certificateDecider.evolve(state, event),
  fixedFields: ['policy'],
});

const statements = perDatabase((db: Database) => ({
  upsert: db.prepare(
    `INSERT INTO rm_certificates (certificate_id, organisation_id, number, revision,
       number_with_revision, recorded_status, standard_identifier, standard_version, standard_code,
       scope, sites, organisation_name, organisation_location, certification_body_name,
       original_certification_date, decision_date, effective_date, expiry_date,
       first_effective_date, cycle_decision_date, audit_cycle_id, policy_profile, revisions,
       suspensions, withdrawal, transfer, version)
     VALUES (:certificateId, :organisationId, :number, :revision, :numberWithRevision,
       :recordedStatus, :standardIdentifier, :standardVersion, :standardCode, :scope, :sites,
       :organisationName, :organisationLocation, :certificationBodyName,
       :originalCertificationDate, :decisionDate, :effectiveDate, :expiryDate,
       :firstEffectiveDate, :cycleDecisionDate, :auditCycleId, :policyProfile, :revisions,
       :suspensions, :withdrawal, :transfer, :version)
     ON CONFLICT (certificate_id) DO UPDATE SET number = excluded.number,
       revision = excluded.revision, number_with_revision = excluded.number_with_revision,
       recorded_status = excluded.recorded_status,
       standard_identifier = excluded.standard_identifier,
       standard_version = excluded.standard_version, standard_code = excluded.standard_code,
       scope = excluded.scope, sites = excluded.sites,
       original_certification_date = excluded.original_certification_date,
       decision_date = excluded.decision_date, effective_date = excluded.effective_date,
       expiry_date = excluded.expiry_date, first_effective_date = excluded.first_effective_date,
       cycle_decision_date = excluded.cycle_decision_date,
       audit_cycle_id = excluded.audit_cycle_id, revisions = excluded.revisions,
       suspensions = excluded.suspensions, withdrawal = excluded.withdrawal,
       transfer = excluded.transfer, version = excluded.version`,
  ),
  deletePeriods: db.prepare<[string]>(
    'DELETE FROM rm_certificate_status_periods WHERE certificate_id = ?',
  ),
  insertPeriod: db.prepare<[string, string, string | null, string, number, number]>(
    `INSERT INTO rm_certificate_status_periods
       (certificate_id, from_date, to_date, status, revision, restoration_gap)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ),
}));

const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

const writeCertificate = (db: Database, state: IssuedCertificateState, version: number): void => {
  statements(db).upsert.run({
    certificateId: state.certificateId,
    organisationId: state.organisationId,
    number: state.number,
    revision: state.revision,
    numberWithRevision: certificateNumberWithRevision(state.number, state.revision),
    recordedStatus: state.status,
    standardIdentifier: state.standard.identifier,
    standardVersion: state.standard.version,
    standardCode: standardCode(state.standard),
    scope: state.scope,
    sites: JSON.stringify(state.sites),
    organisationName: state.organisationName,
    organisationLocation: state.organisationLocation,
    certificationBodyName: state.certificationBodyName,
    originalCertificationDate: state.originalCertificationDate,
    decisionDate: state.decisionDate,
    effectiveDate: state.effectiveDate,
    expiryDate: state.expiryDate,
    firstEffectiveDate: state.revisions[0]?.effectiveDate ?? state.effectiveDate,
    cycleDecisionDate: state.cycleDecisionDate,
    auditCycleId: state.auditCycleId,
    policyProfile: state.policy.profile,
    revisions: JSON.stringify(state.revisions),
    suspensions: JSON.stringify(state.suspensions),
    withdrawal: json(state.withdrawal),
    transfer: json(state.transfer),
    version,
  });
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

const applyBatch = (events: readonly RecordedEvent[], db: Database): void => {
  states.begin(db);
  for (const recorded of events) {
    const { category, id } = streamOf(recorded);
    if (category !== 'certificate') continue;
    states.apply(db, id, recorded.version, domainEvent<CertificateEvent>(recorded));
  }
  for (const [id, folded] of states.changed(db)) {
    const { state } = folded;
    if (folded.version === folded.stored || !isIssued(state)) continue;
    const periods = statusPeriodsOf(state);
    writeCertificate(db, state, folded.version);
    writePeriods(db, id, periods, folded.stored > 0);
    writeRegisterEntry(db, state, periods);
  }
  states.flush(db);
};

/** Certificates (current revision, dates, status periods) and the public register. */
export const certificatesProjection: Projection = {
  name: 'certificates',
  version: 1,
  setup: (db) => {
    db.exec(CERTIFICATE_TABLES);
    db.exec(REGISTER_TABLES);
    states.setup(db);
  },
  reset: (db) => {
    db.exec(
      'DELETE FROM rm_certificates; DELETE FROM rm_certificate_status_periods; DELETE FROM rm_register;',
    );
    states.reset(db);
  },
  apply: (event, db) => applyBatch([event], db),
  applyBatch,
  rollback: (db) => states.rollback(db),
};
