import type { Database } from 'better-sqlite3';
import type { AuditCycleEvent, CertificateEvent } from '../../domain';
import type { RecordedEvent } from '../../eventstore';
import type { Projection } from '../runner';
import { domainEvent, perDatabase, streamOf } from '../support';
import { businessDate, historySummary } from './history-entry';

const TABLES = `
CREATE TABLE IF NOT EXISTS rm_certificate_history (
  certificate_id TEXT NOT NULL,
  position TEXT NOT NULL,
  audit_cycle_id TEXT,
  stream_version INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  business_date TEXT NOT NULL,
  actor TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  summary TEXT NOT NULL,
  PRIMARY KEY (certificate_id, position)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rm_certificate_history_cycles (
  audit_cycle_id TEXT PRIMARY KEY,
  certificate_id TEXT NOT NULL
) STRICT;
`;

const statements = perDatabase((db: Database) => ({
  insert: db.prepare<
    [string, string, string | null, number, string, string, string, string, string]
  >(
    `INSERT OR IGNORE INTO rm_certificate_history (certificate_id, position, audit_cycle_id,
       stream_version, event_type, business_date, actor, recorded_at, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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

/** The certificates of the audit cycles submitted in the batch (or looked up in it). */
type CycleCertificates = Map<string, string | undefined>;

const applyEvent = (db: Database, recorded: RecordedEvent, cycles: CycleCertificates): void => {
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
      cycles.set(id, certificateId);
    } else {
      let known = cycles.get(id);
      if (known === undefined && !cycles.has(id)) {
        known = s.cycleCertificate.get(id);
        cycles.set(id, known);
      }
      if (known === undefined) return;
      certificateId = known;
    }
  }
  s.insert.run(
    certificateId,
    recorded.position,
    auditCycleId,
    recorded.version,
    recorded.type,
    businessDate(event),
    recorded.metadata.actor,
    recorded.metadata.recordedAt,
    historySummary(event),
  );
};

const applyBatch = (events: readonly RecordedEvent[], db: Database): void => {
  const cycles: CycleCertificates = new Map();
  for (const recorded of events) applyEvent(db, recorded, cycles);
};

/** Every event of a certificate and of its audit cycles, one line each. */
export const certificateHistoryProjection: Projection = {
  name: 'certificate_history',
  version: 1,
  setup: (db) => db.exec(TABLES),
  reset: (db) =>
    db.exec('DELETE FROM rm_certificate_history; DELETE FROM rm_certificate_history_cycles;'),
  apply: (event, db) => applyBatch([event], db),
  applyBatch,
};
