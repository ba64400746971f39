import type { Database } from 'better-sqlite3';
import type { AuditCycleEvent, CertificateEvent } from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import type { Projection } from '../runner';
import { domainEvent, perDatabase, streamOf } from '../support';
import { type StoredHistoryEntry, storedEntry } from './history-entry';

/**
 * One row per certificate: its history entries (a JSON array ordered by position), so a batch
 * writes each certificate once. The version-1 table held one row per event.
 */
const TABLES = `
DROP TABLE IF EXISTS rm_certificate_history;
CREATE TABLE IF NOT EXISTS rm_certificate_histories (
  certificate_id TEXT PRIMARY KEY,
  entries TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS rm_certificate_history_cycles (
  audit_cycle_id TEXT PRIMARY KEY,
  certificate_id TEXT NOT NULL
) STRICT;
`;

const statements = perDatabase((db: Database) => ({
  entries: db
    .prepare<[string], string>(
      'SELECT entries FROM rm_certificate_histories WHERE certificate_id = ?',
    )
    .pluck(),
  insert: db.prepare<[string, string]>(
    'INSERT INTO rm_certificate_histories (certificate_id, entries) VALUES (?, ?)',
  ),
  update: db.prepare<[string, string]>(
    'UPDATE rm_certificate_histories SET entries = ? WHERE certificate_id = ?',
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
  const stored = s.entries.get(certificateId);
  if (stored === undefined) {
    s.insert.run(certificateId, JSON.stringify(fresh));
    return;
  }
  const entries = JSON.parse(stored) as StoredHistoryEntry[];
  const last = entries.at(-1)?.[0] ?? '';
  const added = fresh.filter(([position]) => position > last);
  if (added.length > 0) s.update.run(JSON.stringify([...entries, ...added]), certificateId);
};

const applyBatch = (events: readonly RecordedEvent[], db: Database): void => {
  const batch: BatchState = { cycles: new Map(), entries: new Map() };
  for (const recorded of events) applyEvent(db, recorded, batch);
  for (const [certificateId, fresh] of batch.entries) writeEntries(db, certificateId, fresh);
};

/** Every event of a certificate and of its audit cycles, one entry each. */
export const certificateHistoryProjection: Projection = {
  name: 'certificate_history',
  version: 2,
  setup: (db) => db.exec(TABLES),
  reset: (db) =>
    db.exec('DELETE FROM rm_certificate_histories; DELETE FROM rm_certificate_history_cycles;'),
  applyBatch,
};
