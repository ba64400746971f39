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
  lapsedForGoodOn,
} from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import { type BatchStates, foldedStream, type Projection } from '../runner';
import { auditCycleFold, certificateFold, domainEvent, perDatabase, streamOf } from '../support';
import { type DeadlineOwner, writeDeadlines } from './deadline-rows';
import { DEADLINE_QUERY_INDEXES, setupDeadlineTables } from './deadline-tables';

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
  withdrawnOn: db
    .prepare<[string], string>(
      'SELECT withdrawn_on FROM rm_deadline_withdrawals WHERE certificate_id = ?',
    )
    .pluck(),
  recordWithdrawal: db.prepare<[string, string]>(
    'INSERT OR REPLACE INTO rm_deadline_withdrawals (certificate_id, withdrawn_on) VALUES (?, ?)',
  ),
  renewedOn: db
    .prepare<[string], string>(
      'SELECT renewed_on FROM rm_deadline_renewals WHERE audit_cycle_id = ?',
    )
    .pluck(),
  recordRenewal: db.prepare<[string, string]>(
    'INSERT OR REPLACE INTO rm_deadline_renewals (audit_cycle_id, renewed_on) VALUES (?, ?)',
  ),
  lapseOf: db.prepare<[string], { audit_cycle_id: string; lapsed_on: string }>(
    'SELECT audit_cycle_id, lapsed_on FROM rm_deadline_lapses WHERE certificate_id = ?',
  ),
  recordLapse: db.prepare<[string, string, string]>(
    `INSERT OR REPLACE INTO rm_deadline_lapses (certificate_id, audit_cycle_id, lapsed_on)
     VALUES (?, ?, ?)`,
  ),
  forgetLapse: db.prepare<[string]>('DELETE FROM rm_deadline_lapses WHERE certificate_id = ?'),
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

/**
 * A withdrawal closes what the certificate's audit cycles still have open; a renewal by a later
 * cycle, what is left of this cycle's surveillance programme; the certificate's lapse for good,
 * what its current cycle still has open.
 */
const deadlinesOfCycle = (db: Database, id: string, state: AuditCycleState): Deadline[] => {
  if (state.status === 'NOT_STARTED') return [];
  const withdrawnOn = statements(db).withdrawnOn.get(state.application.certificateId);
  const renewedOn = statements(db).renewedOn.get(id);
  const lapse = statements(db).lapseOf.get(state.application.certificateId);
  return auditCycleDeadlines(state, {
    certificateWithdrawnOn: (withdrawnOn as CalendarDate | undefined) ?? null,
    renewedOn: (renewedOn as CalendarDate | undefined) ?? null,
    certificateLapsedOn: lapse?.audit_cycle_id === id ? (lapse.lapsed_on as CalendarDate) : null,
  });
};

interface LapseChange {
  certificateId: string;
  auditCycleId: string;
  lapsedOn: CalendarDate | null;
  /** The cycle the stored lapse closed, if another. */
  previousCycleId: string | null;
}

/**
 * The certificates of the batch whose lapse for good (see lapsedForGoodOn) changes: an expiry
 * recorded, a restoration, a renewal or a withdrawal. Reads only.
 */
const lapseChanges = (
  events: readonly RecordedEvent[],
  states: BatchStates,
  db: Database,
): LapseChange[] => {
  const ids = new Set(
    events
      .map((recorded) => streamOf(recorded))
      .filter(({ category }) => category === certificateFold.category)
      .map(({ id }) => id),
  );
  return [...ids].flatMap((certificateId): LapseChange[] => {
    const { state } = states.of(certificateFold, certificateId);
    if (state.status === 'NOT_ISSUED') return [];
    const lapsedOn = lapsedForGoodOn(state);
    const stored = statements(db).lapseOf.get(certificateId);
    if (stored === undefined && lapsedOn === null) return [];
    if (stored?.lapsed_on === lapsedOn && stored.audit_cycle_id === state.auditCycleId) return [];
    const previousCycleId =
      stored && stored.audit_cycle_id !== state.auditCycleId ? stored.audit_cycle_id : null;
    return [{ certificateId, auditCycleId: state.auditCycleId, lapsedOn, previousCycleId }];
  });
};

/** Records each lapse change; returns the audit cycles whose open deadlines it closes or reopens. */
const recordLapses = (changes: readonly LapseChange[], db: Database): string[] =>
  changes.flatMap(({ certificateId, auditCycleId, lapsedOn, previousCycleId }) => {
    if (lapsedOn === null) statements(db).forgetLapse.run(certificateId);
    else statements(db).recordLapse.run(certificateId, auditCycleId, lapsedOn);
    return previousCycleId === null ? [auditCycleId] : [auditCycleId, previousCycleId];
  });

/** The cycle a recertification granted by this event renews (null for any other event). */
const renewedCycle = (recorded: RecordedEvent, states: BatchStates): string | null => {
  const { category, id } = streamOf(recorded);
  if (category !== auditCycleFold.category || recorded.type !== 'CertificationGranted') return null;
  const { state } = states.of(auditCycleFold, id);
  return state.status === 'NOT_STARTED'
    ? null
    : (state.application.recertification?.previousAuditCycleId ?? null);
};

/** Records the day each cycle the batch's grants renew was renewed; returns those cycles. */
const recordRenewals = (
  events: readonly RecordedEvent[],
  db: Database,
  states: BatchStates,
): string[] =>
  events.flatMap((recorded) => {
    const renewed = renewedCycle(recorded, states);
    const event = domainEvent<AuditCycleEvent>(recorded);
    if (renewed === null || event.type !== 'CertificationGranted') return [];
    statements(db).recordRenewal.run(renewed, event.data.decidedOn);
    return [renewed];
  });

/** Records the day each certificate the batch withdraws was withdrawn (withdrawal is final). */
const recordWithdrawals = (events: readonly RecordedEvent[], db: Database): void => {
  for (const recorded of events) {
    const event = domainEvent<CertificateEvent>(recorded);
    if (event.type === 'CertificateWithdrawn') {
      statements(db).recordWithdrawal.run(streamOf(recorded).id, event.data.withdrawnOn);
    }
  }
};

/** The audit cycles of the certificates the batch withdraws (their open deadlines close). */
const cyclesOfWithdrawnCertificates = (events: readonly RecordedEvent[], db: Database): string[] =>
  events
    .filter((event) => event.type === 'CertificateWithdrawn')
    .flatMap((event) => statements(db).cyclesOfCertificate.all(streamOf(event).id));

/**
 * Beyond the batch: the certificates whose recertification audit it completes (their deadlines
 * are met), and the audit cycles of the certificates it withdraws.
 */
function* streamsToFold(
  events: readonly RecordedEvent[],
  states: BatchStates,
  db: Database,
): Generator<string> {
  for (const recorded of events) {
    const event = domainEvent<AuditCycleEvent>(recorded);
    if (event.type !== 'AuditCompleted' || event.data.kind !== 'RECERTIFICATION') continue;
    const { state } = states.of(auditCycleFold, streamOf(recorded).id);
    if (state.status !== 'NOT_STARTED') {
      yield foldedStream(certificateFold, state.application.certificateId);
    }
  }
  for (const id of cyclesOfWithdrawnCertificates(events, db)) {
    yield foldedStream(auditCycleFold, id);
  }
  for (const recorded of events) {
    const renewed = renewedCycle(recorded, states);
    if (renewed !== null) yield foldedStream(auditCycleFold, renewed);
  }
  for (const change of lapseChanges(events, states, db)) {
    yield foldedStream(auditCycleFold, change.auditCycleId);
    if (change.previousCycleId !== null) yield foldedStream(auditCycleFold, change.previousCycleId);
  }
}

/**
 * Writes the deadlines of every aggregate the batch changed (and of every certificate whose
 * recertification audit it completed, and of every cycle whose certificate it withdrew) once,
 * from the states after the batch. `true`: the aggregate may have rows already.
 */
const applyBatch = (events: readonly RecordedEvent[], db: Database, states: BatchStates): void => {
  const lapses = lapseChanges(events, states, db);
  const certificates = new Map<string, boolean>();
  const cycles = new Map<string, boolean>();
  for (const recorded of events) {
    const { category, id } = streamOf(recorded);
    if (category === certificateFold.category) {
      if (!certificates.has(id)) certificates.set(id, recorded.version > 1);
    } else if (category === auditCycleFold.category) {
      if (!cycles.has(id)) cycles.set(id, recorded.version > 1);
      const cycle = states.of(auditCycleFold, id).state;
      const met = recordRecertificationAudit(db, cycle, domainEvent(recorded));
      if (met) certificates.set(met, true);
    }
  }
  for (const id of cyclesOfWithdrawnCertificates(events, db)) cycles.set(id, true);
  for (const id of recordRenewals(events, db, states)) cycles.set(id, true);
  for (const id of recordLapses(lapses, db)) cycles.set(id, true);
  recordWithdrawals(events, db);
  for (const [id, stored] of cycles) {
    const { state } = states.of(auditCycleFold, id);
    const owner = cycleOwner(id, state);
    if (owner) writeDeadlines(db, owner, deadlinesOfCycle(db, id, state), stored);
  }
  for (const [id, stored] of certificates) {
    const { state } = states.of(certificateFold, id);
    const owner = certificateOwner(id, state);
    if (owner) writeDeadlines(db, owner, deadlinesOfCertificate(db, id, state), stored);
  }
};

/**
 * Deadlines of certificates and audit cycles, computed by the domain's deadline rules over each
 * aggregate's state (folded from the log by the runner), written once per aggregate and batch.
 */
export const deadlinesProjection: Projection = {
  name: 'deadlines',
  version: 12,
  setup: setupDeadlineTables,
  queryIndexes: DEADLINE_QUERY_INDEXES,
  reset: (db) =>
    db.exec(
      'DELETE FROM rm_deadlines; DELETE FROM rm_deadline_recertification_audits; ' +
        'DELETE FROM rm_deadline_withdrawals; DELETE FROM rm_deadline_renewals; ' +
        'DELETE FROM rm_deadline_lapses;',
    ),
  folds: [certificateFold, auditCycleFold],
  streamsToFold,
  applyBatch,
};
