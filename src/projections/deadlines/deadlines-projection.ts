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
import { type DeadlineOwner, replaceDeadlines } from './deadline-rows';
import { DEADLINE_TABLES } from './deadline-tables';

const statements = perDatabase((db: Database) => ({
  recertificationAudit: db
    .prepare<[string, string, string], string>(
      `SELECT completed_on FROM rm_deadline_recertification_audits
       WHERE certificate_id = ? AND expiry_date IN (?, ?) ORDER BY completed_on DESC LIMIT 1`,
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
  const completedOn = statements(db).recertificationAudit.get(
    id,
    state.expiryDate,
    state.uncappedExpiryDate,
  );
  return certificateDeadlines(state, {
    recertificationAuditCompletedOn: (completedOn as CalendarDate | undefined) ?? null,
  });
};

const certificates = new FoldedStates<CertificateState, CertificateEvent, Deadline[]>({
  table: 'rm_deadline_certificate_states',
  initial: initialCertificateState,
  evolve: (state, event) => certificateDecider.evolve(state, event),
  derive: deadlinesOfCertificate,
  fixedFields: ['policy'],
});

const cycles = new FoldedStates<AuditCycleState, AuditCycleEvent, Deadline[]>({
  table: 'rm_deadline_cycle_states',
  initial: initialAuditCycleState,
  evolve: evolveAuditCycle,
  derive: (_db, _id, state) => auditCycleDeadlines(state),
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

const applyCertificateEvent = (db: Database, id: string, recorded: RecordedEvent): void => {
  const step = certificates.apply(db, id, recorded.version, domainEvent(recorded));
  const owner = step && certificateOwner(id, step.after);
  if (!step || !owner) return;
  const previousOwner = certificateOwner(id, step.before);
  replaceDeadlines(db, owner, previousOwner, step.extraBefore, step.extraAfter);
};

const recordRecertificationAudit = (
  db: Database,
  cycle: AuditCycleState,
  event: AuditCycleEvent,
) => {
  if (event.type !== 'AuditCompleted' || event.data.kind !== 'RECERTIFICATION') return;
  if (cycle.status === 'NOT_STARTED' || !cycle.application.recertification) return;
  const { certificateId, recertification } = cycle.application;
  const before = certificates.read(db, certificateId);
  statements(db).recordRecertificationAudit.run(
    certificateId,
    recertification.certificateExpiryDate,
    event.data.lastDay,
  );
  const after = certificates.rederive(db, certificateId);
  const owner = after && certificateOwner(certificateId, after.state);
  if (before && after && owner) replaceDeadlines(db, owner, owner, before.extra, after.extra);
};

const applyCycleEvent = (db: Database, id: string, recorded: RecordedEvent): void => {
  const event = domainEvent<AuditCycleEvent>(recorded);
  const step = cycles.apply(db, id, recorded.version, event);
  const owner = step && cycleOwner(id, step.after);
  if (!step || !owner) return;
  replaceDeadlines(db, owner, cycleOwner(id, step.before), step.extraBefore, step.extraAfter);
  recordRecertificationAudit(db, step.after, event);
};

const apply = (recorded: RecordedEvent, db: Database): void => {
  const { category, id } = streamOf(recorded);
  if (category === 'certificate') applyCertificateEvent(db, id, recorded);
  else if (category === 'auditcycle') applyCycleEvent(db, id, recorded);
};

/**
 * Deadlines of certificates and audit cycles, computed by the domain's deadline rules over each
 * aggregate's folded state (kept in private tables) and replaced per aggregate on every event.
 */
export const deadlinesProjection: Projection = {
  name: 'deadlines',
  version: 1,
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
  apply,
};
