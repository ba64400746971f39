import type { Database } from 'better-sqlite3';
import { type AuditCycleEvent, type CertificateEvent, isIssued } from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import type { BatchStates, Projection } from '../runner';
import {
  aggregatesIn,
  certificateFold,
  domainEvent,
  dropTableWithout,
  perDatabase,
  streamOf,
} from '../support';
import { type StoredHistoryEntry, storedEntry } from './history-entry';
import { voidedExpiryNote } from './voided-expiry-notes';

/**
 * One row per certificate: its history entries (a JSON array ordered by position) and the position
 * of the last one, so a batch appends to each certificate once, in SQL, without reading the list;
 * and the notes of the recorded expiries voided since (`VoidedExpiryNote`s, JSON; null: none).
 * The version-1 table held one row per event; version 2 had no last_position, 5 no voided_expiries.
 */
const TABLES = `
DROP TABLE IF EXISTS rm_certificate_history;
CREATE TABLE IF NOT EXISTS rm_certificate_histories (
  certificate_id TEXT PRIMARY KEY,
  entries TEXT NOT NULL,
  last_position TEXT NOT NULL,
  voided_expiries TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS rm_certificate_history_cycles (
  audit_cycle_id TEXT PRIMARY KEY,
  certificate_id TEXT NOT NULL
) STRICT;
`;

const statements = perDatabase((db: Database) => ({
  lastPosition: db
    .prepare<[string], string>(
      'SELECT last_position FROM rm_certificate_histories WHERE certificate_id = ?',
    )
    .pluck(),
  insert: db.prepare<[string, string, string]>(
    `INSERT INTO rm_certificate_histories (certificate_id, entries, last_position)
     VALUES (?, ?, ?)`,
  ),
  /** `added`: the JSON of the entries to add, without its brackets. */
  append: db.prepare<[{ certificateId: string; added: string; last: string }]>(
    `UPDATE rm_certificate_histories
     SET entries = substr(entries, 1, length(entries) - 1) || ',' || :added || ']',
       last_position = :last
     WHERE certificate_id = :certificateId`,
  ),
  voidedExpiries: db.prepare<[string, string]>(
    'UPDATE rm_certificate_histories SET voided_expiries = ? WHERE certificate_id = ?',
  ),
  rememberCycle: db.prepare<[string, string]>(
    `INSERT INTO rm_certificate_history_cycles (audit_cycle_id, certificate_id) VALUES (?, ?)
     ON CONFLICT (audit_cycle_id) DO UPDATE SET certificate_id = excluded.certificate_id`,
  ),
  cycleCertificate: db
    .prepare<[string], string>(
      'SELECT certificate_id FROM rm_certificate_history_cycles WHERE audit_cycle_id = ?',
    )
    .pluck(),
}));

interface BatchState {
  /** The certificates of the audit cycles submitted in the batch (or looked up in it). */
  cycles: Map<string, string | undefined>;
  /** The new entries of each certificate, in position order. */
  entries: Map<string, StoredHistoryEntry[]>;
}

const applyEvent = (db: Database, recorded: RecordedEvent, batch: BatchState): void => {
  const { category, id } = streamOf(recorded);
  if (category !== 'certificate' && category !== 'auditcycle') return;
  const s = statements(db);
  let certificateId = id;
  let auditCycleId: string | null = null;
  const event = domainEvent<CertificateEvent | AuditCycleEvent>(recorded);
  if (category === 'auditcycle') {
    auditCycleId = id;
    if (event.type === 'ApplicationSubmitted') {
      certificateId = event.data.certificateId;
      s.rememberCycle.run(id, certificateId);
      batch.cycles.set(id, certificateId);
    } else {
      let known = batch.cycles.get(id);
      if (known === undefined && !batch.cycles.has(id)) {
        known = s.cycleCertificate.get(id);
        batch.cycles.set(id, known);
      }
      if (known === undefined) return;
      certificateId = known;
    }
  }
  const entries = batch.entries.get(certificateId);
  const entry = storedEntry(recorded, event, auditCycleId);
  if (entries) entries.push(entry);
  else batch.entries.set(certificateId, [entry]);
};

/** Appends the batch's entries to each certificate's list; an entry already there is kept once. */
const writeEntries = (db: Database, certificateId: string, fresh: StoredHistoryEntry[]): void => {
  const s = statements(db);
  const last = s.lastPosition.get(certificateId);
  const added = last === undefined ? fresh : fresh.filter(([position]) => position > last);
  const newLast = added.at(-1)?.[0];
  if (newLast === undefined) return;
  const json = JSON.stringify(added);
  if (last === undefined) s.insert.run(certificateId, json, newLast);
  else s.append.run({ certificateId, added: json.slice(1, -1), last: newLast });
};

/** The notes of the certificate's voided expiries, from its fold as of the batch's end. */
const writeVoidedExpiries = (db: Database, certificateId: string, states: BatchStates): void => {
  const { state } = states.of(certificateFold, certificateId);
  if (!isIssued(state) || state.voidedExpiries.length === 0) return;
  const notes = JSON.stringify(state.voidedExpiries.map(voidedExpiryNote));
  statements(db).voidedExpiries.run(notes, certificateId);
};

const applyBatch = (events: readonly RecordedEvent[], db: Database, states: BatchStates): void => {
  const batch: BatchState = { cycles: new Map(), entries: new Map() };
  for (const recorded of events) applyEvent(db, recorded, batch);
  for (const [certificateId, fresh] of batch.entries) writeEntries(db, certificateId, fresh);
  for (const certificateId of aggregatesIn(events, certificateFold.category).keys()) {
    writeVoidedExpiries(db, certificateId, states);
  }
};

/**
 * Every event of a certificate and of its audit cycles, one entry each. Version 4: a transition's
 * summary gives the revision's effective date and the expiry the transition restored. Version 5: a
 * transfer-in's summary gives the certificate's effective date, as the other issues' do. Version 6:
 * a recorded expiry that a renewal or transition entered after it voids says so, as one a
 * withdrawal voids did; the certificate's fold (the domain's `voidedExpiries`) tells which, and by
 * what.
 */
export const certificateHistoryProjection: Projection = {
  name: 'certificate_history',
  version: 6,
  setup: (db) => {
    dropTableWithout(db, 'rm_certificate_histories', 'last_position');
    dropTableWithout(db, 'rm_certificate_histories', 'voided_expiries');
    db.exec(TABLES);
  },
  reset: (db) =>
    db.exec('DELETE FROM rm_certificate_histories; DELETE FROM rm_certificate_history_cycles;'),
  folds: [certificateFold],
  applyBatch,
};
