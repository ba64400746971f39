import type { Database } from 'better-sqlite3';
import {
  type AuditCycleEvent,
  type AuditCycleState,
  type CalendarDate,
  auditCycleDeadlines,
  type CertificateEvent,
  type CertificateState,
  certificateDeadlines,
  type Deadline,
  evolveAuditCycle,
  certificateDecider,
  initialAuditCycleState,
  initialCertificateState,
} from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import type { Projection } from '../runner';
import { domainEvent, FoldedStates, perDatabase, streamOf } from '../support';
import { type DeadlineOwner, writeDeadlines } from './deadline-rows';
import { DEADLINE_TABLES } from './deadline-tables';

const statements = perDatabase((db: Database) => ({
  recertificationAudits: db.prepare<[string], { expiry_date: string; completed_on: string }>(
    `SELECT expiry_date, completed_on FROM rm_deadline_recertification_audits
     WHERE certificate_id = ?`,
  ),
  cyclesOfCertificate: db
    .prepare<[string], string>(
      `SELECT DISTINCT aggregate_id FROM rm_deadlines
       WHERE certificate_id = ? AND aggregate_id != certificate_id`,
    )
    .pluck(),
  recordRecertificationAudit: db.prepare<[string, string, string]>(
    `INSERT INTO rm_deadline_recertification_audits (certificate_id, expiry_date, completed_on)
     VALUES (?, ?, ?) ON CONFLICT (certificate_id, expiry_date)
     DO UPDATE SET completed_on = excluded.completed_on`,
  ),
}));

/** RECERTIFICATION_AUDIT_DUE is met by the recertification audit of the next audit cycle. */
const deadlinesOfCertificate = (db: Database, id: string, state: CertificateState): Deadline[] => {
  if (state.status === 'NOT_ISSUED') return [];
  const audits: Record<string, CalendarDate> = {};
  for (const row of statements(db).recertificationAudits.all(id)) {
    audits[row.expiry_date] = row.completed_on as CalendarDate;
  }
  const current = audits[state.expiryDate] ?? audits[state.uncappedExpiryDate];
  if (current) audits[state.expiryDate] = current;
  return certificateDeadlines(state, { recertificationAudits: audits });
};

const certificates = new FoldedStates<CertificateState, CertificateEvent>({
  table: 'rm_deadline_certificate_states',
  initial: initialCertificateState,
  evolve: (state, event) => certificateDecider.evolve(state, event),
  fixedFields: ['policy'],
});

const cycles = new FoldedStates<AuditCycleState, AuditCycleEvent>({
  table: 'rm_deadline_cycle_states',
  initial: initialAuditCycleState,
  evolve: evolveAuditCycle,
  fixedFields: ['application', 'policy'],
});

const certificateOwner = (id: string, state: CertificateState): DeadlineOwner | null =>
  state.status === 'NOT_ISSUED'
    ? null
    : {
        aggregateId: id,
        certificateId: id,
        organisationId: state.organisationId,
        auditCycleId: state.auditCycleId,
      };

const cycleOwner = (id: string, state: AuditCycleState): DeadlineOwner | null =>
  state.status === 'NOT_STARTED'
    ? null
    : {
        aggregateId: id,
        certificateId: state.application.certificateId,
        organisationId: state.application.organisationId,
        auditCycleId: id,
      };

/** Records the recertification audit's last day; returns the certificate whose deadlines it meets. */
const recordRecertificationAudit = (
  db: Database,
  cycle: AuditCycleState,
  event: AuditCycleEvent,
): string | null => {
  if (event.type !== 'AuditCompleted' || event.data.kind !== 'RECERTIFICATION') return null;
  if (cycle.status === 'NOT_STARTED' || !cycle.application.recertification) return null;
  const { certificateId, recertification } = cycle.application;
  statements(db).recordRecertificationAudit.run(
    certificateId,
    recertification.certificateExpiryDate,
    event.data.lastDay,
  );
  return certificateId;
};

/** A withdrawal closes what the certificate's audit cycles still have open. */
const deadlinesOfCycle = (db: Database, state: AuditCycleState): Deadline[] => {
  if (state.status === 'NOT_STARTED') return [];
  const certificate = certificates.read(db, state.application.certificateId)?.state;
  return auditCycleDeadlines(state, {
    certificateWithdrawnOn:
      certificate && certificate.status !== 'NOT_ISSUED'
        ? (certificate.withdrawal?.withdrawnOn ?? null)
        : null,
  });
};

/**
 * Folds the batch's events in memory, then writes the deadlines of every aggregate they changed
 * (and of every certificate whose recertification audit they completed, and of every cycle whose
 * certificate they withdrew) once.
 */
const applyBatch = (events: readonly RecordedEvent[], db: Database): void => {
  const certificateIds = new Set<string>();
  const withdrawnCertificateIds = new Set<string>();
  certificates.begin(db);
  cycles.begin(db);
  for (const recorded of events) {
    const { category, id } = streamOf(recorded);
    if (category === 'certificate') {
      if (certificates.apply(db, id, recorded.version, domainEvent(recorded))) {
        certificateIds.add(id);
        if (recorded.type === 'CertificateWithdrawn') withdrawnCertificateIds.add(id);
      }
    } else if (category === 'auditcycle') {
      const event = domainEvent<AuditCycleEvent>(recorded);
      const folded = cycles.apply(db, id, recorded.version, event);
      const met = folded && recordRecertificationAudit(db, folded.state, event);
      if (met) certificateIds.add(met);
    }
  }
  const cycleIds = new Set<string>();
  for (const [id, folded] of cycles.changed(db)) {
    if (folded.version !== folded.stored) cycleIds.add(id);
  }
  for (const certificateId of withdrawnCertificateIds) {
    for (const id of statements(db).cyclesOfCertificate.all(certificateId)) cycleIds.add(id);
  }
  for (const id of cycleIds) {
    const folded = cycles.read(db, id);
    const owner = folded && cycleOwner(id, folded.state);
    if (owner) writeDeadlines(db, owner, deadlinesOfCycle(db, folded.state), folded.stored > 0);
  }
  for (const id of certificateIds) {
    const folded = certificates.read(db, id);
    const owner = folded && certificateOwner(id, folded.state);
    if (!folded || !owner) continue;
    const deadlines = deadlinesOfCertificate(db, id, folded.state);
    writeDeadlines(db, owner, deadlines, folded.stored > 0);
  }
  certificates.flush(db);
  cycles.flush(db);
};

/**
 * Deadlines of certificates and audit cycles, computed by the domain's deadline rules over each
 * aggregate's folded state (kept in private tables), written once per aggregate and batch.
 */
export const deadlinesProjection: Projection = {
  name: 'deadlines',
  version: 2,
  setup: (db) => {
    db.exec(DEADLINE_TABLES);
    certificates.setup(db);
    cycles.setup(db);
  },
  reset: (db) => {
    db.exec('DELETE FROM rm_deadlines; DELETE FROM rm_deadline_recertification_audits;');
    certificates.reset(db);
    cycles.reset(db);
  },
  apply: (event, db) => applyBatch([event], db),
  applyBatch,
  rollback: (db) => {
    certificates.rollback(db);
    cycles.rollback(db);
  },
};
