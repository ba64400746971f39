import type { Database } from 'better-sqlite3';
import {
  auditCycleOn,
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
  lapsedOn: db
    .prepare<[string], string>(
      'SELECT lapsed_on FROM rm_deadline_certificate_lapses WHERE certificate_id = ?',
    )
    .pluck(),
  recordLapse: db.prepare<[string, string]>(
    `INSERT OR REPLACE INTO rm_deadline_certificate_lapses (certificate_id, lapsed_on)
     VALUES (?, ?)`,
  ),
  forgetLapse: db.prepare<[string]>(
    'DELETE FROM rm_deadline_certificate_lapses WHERE certificate_id = ?',
  ),
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

/** A certificate's deadline belongs to the audit cycle it was in when the deadline was set. */
const certificateOwner = (id: string, state: CertificateState): DeadlineOwner | null =>
  state.status === 'NOT_ISSUED'
    ? null
    : {
        aggregateId: id,
        certificateId: id,
        organisationId: state.organisationId,
        auditCycleOf: (deadline) => auditCycleOn(state, deadline.openedOn),
      };

const cycleOwner = (id: string, state: AuditCycleState): DeadlineOwner | null =>
  state.status === 'NOT_STARTED'
    ? null
    : {
        aggregateId: id,
        certificateId: state.application.certificateId,
        organisationId: state.application.organisationId,
        auditCycleOf: () => id,
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
 * what its audit cycles still have open (the current one's programme, and a recertification
 * never decided).
 */
const deadlinesOfCycle = (db: Database, id: string, state: AuditCycleState): Deadline[] => {
  if (state.status === 'NOT_STARTED') return [];
  const { certificateId } = state.application;
  const withdrawnOn = statements(db).withdrawnOn.get(certificateId);
  const renewedOn = statements(db).renewedOn.get(id);
  const lapsedOn = statements(db).lapsedOn.get(certificateId);
  return auditCycleDeadlines(state, {
    certificateWithdrawnOn: (withdrawnOn as CalendarDate | undefined) ?? null,
    renewedOn: (renewedOn as CalendarDate | undefined) ?? null,
    certificateLapsedOn: (lapsedOn as CalendarDate | undefined) ?? null,
  });
};

interface LapseChange {
  certificateId: string;
  lapsedOn: CalendarDate | null;
}

/**
 * The certificates of the batch whose lapse for good (see lapsedForGoodOn) changes: an issue, a
 * renewal, a restoration, a transition, a suspension or reinstatement, a withdrawal. Reads only.
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
    const stored = statements(db).lapsedOn.get(certificateId) ?? null;
    return stored === lapsedOn ? [] : [{ certificateId, lapsedOn }];
  });
};

/**
 * The audit cycles whose open deadlines a lapse change closes or reopens: those of the certificate
 * with rows (one the batch starts is written anyway).
 */
const cyclesOfLapses = (changes: readonly LapseChange[], db: Database): string[] =>
  changes.flatMap(({ certificateId }) => statements(db).cyclesOfCertificate.all(certificateId));

/** Records each lapse change; returns the audit cycles whose open deadlines it closes or reopens. */
const recordLapses = (changes: readonly LapseChange[], db: Database): string[] => {
  const cycles = cyclesOfLapses(changes, db);
  for (const { certificateId, lapsedOn } of changes) {
    if (lapsedOn === null) statements(db).forgetLapse.run(certificateId);
    else statements(db).recordLapse.run(certificateId, lapsedOn);
  }
  return cycles;
};

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
  for (const cycle of cyclesOfLapses(lapseChanges(events, states, db), db)) {
    yield foldedStream(auditCycleFold, cycle);
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
 * Version 15: the stage-2 deadline of a cycle to a superseded version is due by its last audit
 * date when that comes before the policy window ends. Version 16: a cycle to a superseded version
 * has no surveillance audit due after the transition end until a transition audit is completed.
 * Version 17: surveillance 2 stays opened on the decision when surveillance 1 is completed (only
 * PREVIOUS_PLUS_12_MONTHS opens it then). Version 18: a certificate's deadline belongs to the
 * audit cycle the certificate was in when it was set, not to the one it is in now (a suspension
 * limit, or the expiry a renewal met, stays with the cycle before the renewal). Version 19: a
 * surveillance audit of a cycle to a superseded version due after the transition end is opened on
 * the last day of the transition audit that set it, not on the decision. Version 20: a transfer's
 * surveillance audits are set by its recorded pre-transfer review, not by the acceptance of its
 * application, so a transfer whose review was refused lists none of the previous CB's programme.
 * Version 21: the expiry and recertification audit of a term capped by the transition end end,
 * unmet, on the decision of the transition that lifts the cap (they were met by it). Version 22:
 * each completed stage 1 keeps its stage-2 deadline (planning a repeated stage 1 dropped it);
 * completing the repeat ends it, unmet, and sets the next. Version 23: a transition deadline no
 * transition or renewal met ends, unmet, the day after the expiry of the last revision to the old
 * version, recorded or not (the recorded expiry met it). Version 24: a withdrawal meets only the
 * expiry and a running suspension's limit; whatever else is still open (an audit never done, a
 * finding never answered) ends that day, unmet (it was met by the withdrawal). Version 25: a
 * restoration window's subject says the certificate expired after its expiry date, not on it.
 * Version 26: a stage 2 that is repeated keeps its major-NC verification limit (planning the
 * repeat dropped it); missed, it stays overdue until the repeated stage 2 is completed, which ends
 * it, unmet. A repeated stage audit keeps its findings' response deadlines too (planning the
 * repeat dropped them); one unanswered ends, unmet, when the repeat is completed. A cycle whose
 * certification was refused keeps its deadlines (they were dropped, as of earlier dates too); what
 * it left open ends, unmet, on the refusal. A minor escalated to major opens its stage's major-NC
 * verification limit on the escalation (on the day it was raised before), and its response
 * deadline's subject says it was escalated when. Version 27: a stage-2 minor escalated to major
 * gets a verification limit of its own (`MAJOR_NC_VERIFICATION_LIMIT:<stage 2>:<ncId>`, opened on
 * the escalation, same due date); the stage's limit covers the majors raised as such only, so an
 * escalation no longer takes back the day it was met (it read UPCOMING as of earlier days).
 * Version 28: a recertification audit recorded against an expiry capped by the transition end
 * also meets the recertification audit of the expiry the transition lifts it to (it stayed open,
 * then overdue, though the recertification it belongs to renews from the lifted expiry). A
 * certificate's deadlines follow its dates, not the expiry scanner: the restoration window is set
 * from the day after the expiry, and what ends when the certificate lapses for good ends then,
 * whether or not the expiry is recorded yet (they appeared, or ended, only once it was, changing
 * answers as of earlier dates). A certificate that had expired or been withdrawn before the
 * successor version was published has no transition deadline (it opened already ENDED).
 * Version 29: the transition deadline of a certificate expired when the successor version was
 * published and restored to the old version later opens on the restoration, not on the
 * publication (it read UPCOMING as of days the certificate was expired, once the restoration
 * arrived). Version 30: a certificate to the old version that expires after the successor's
 * publication and is restored to the old version keeps the transition deadline ended by that
 * expiry, and the restoration opens another for the restored stretch
 * (`TRANSITION_DEADLINE:<code>:restored:<date>`, same due date); the one deadline ran again from
 * the restoration, so days between read ENDED before it arrived and open after.
 */
export const deadlinesProjection: Projection = {
  name: 'deadlines',
  version: 30,
  setup: setupDeadlineTables,
  queryIndexes: DEADLINE_QUERY_INDEXES,
  reset: (db) =>
    db.exec(
      'DELETE FROM rm_deadlines; DELETE FROM rm_deadline_recertification_audits; ' +
        'DELETE FROM rm_deadline_withdrawals; DELETE FROM rm_deadline_renewals; ' +
        'DELETE FROM rm_deadline_certificate_lapses;',
    ),
  folds: [certificateFold, auditCycleFold],
  streamsToFold,
  applyBatch,
};
