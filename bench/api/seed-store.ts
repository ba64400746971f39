import Database from 'better-sqlite3';
import { sqliteCheckpointStore } from '../../src/composition';
import { SqliteEventStore } from '../../src/eventstore';
import type { Template } from './templates';

/** A completed surveillance audit of a granted cycle: where the bench raises findings. */
export interface FindingTarget {
  auditCycleId: string;
  auditId: string;
  lastDay: string;
}

export interface SeedResult {
  events: number;
  certificates: number;
  copies: number;
  /** Every seeded certificate number. */
  numbers: string[];
  targets: FindingTarget[];
  seconds: number;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const NUMBER = /"CN-(\d+)-(\d{5,})"/g;
const ROWS_PER_TRANSACTION = 50_000;

/** The same UUID in every event of a copy, different across copies. */
const copyUuid = (uuid: string, copy: number): string =>
  `${uuid.slice(0, 24)}${copy.toString(16).padStart(12, '0')}`;

const format = (sequence: number): string => String(sequence).padStart(5, '0');

interface Row {
  stream: string;
  category: string;
  version: number;
  type: string;
  text: string;
  allocation: boolean;
}

/** A renamer for one template: `<prefix>-<key>` becomes `<prefix>-<key>x<copy>`. */
const renamer = (keys: readonly string[]) => {
  const ids = new RegExp(`\\b(org|cert|cycle|site)-(${keys.join('|')})\\b`, 'g');
  return (text: string, copy: number) =>
    text.replace(ids, (_, prefix: string, key: string) => `${prefix}-${key}x${copy}`);
};

/**
 * Bulk-inserts renamed copies of the templates' events (round robin) into the events table until
 * `certificates` certificates exist: aggregate ids get a copy suffix, event ids (and the causation
 * and correlation ids that point at them) a copy-specific tail, certificate numbers a fresh sequence
 * whose `CertificateNumberAllocated` events continue the one `certificatenumbers-default` stream.
 * Then records the certification-outcome reactor's checkpoint at the end of the log, as a service
 * that issued these certificates would have.
 */
export const seedStore = (
  file: string,
  templates: readonly Template[],
  certificates: number,
): SeedResult => {
  const start = process.hrtime.bigint();
  const db = new Database(file);
  const store = new SqliteEventStore(db);
  // Seeding only: one fsync per large transaction, not per append (see the bench's output).
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    'INSERT INTO events (id, stream, version, category, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const prepared = templates.map((template) => ({
    template,
    rename: renamer(template.keys),
    rows: template.events.map((e): Row => ({
      stream: e.stream,
      category: e.stream.slice(0, e.stream.indexOf('-')),
      version: e.version,
      type: e.type,
      text: JSON.stringify([e.id, e.data, e.metadata]),
      allocation: e.stream === 'certificatenumbers-default',
    })),
  }));
  let events = 0;
  let sequence = 0;
  let copy = 0;
  let issued = 0;
  const numbers: string[] = [];
  const targets: FindingTarget[] = [];
  const copyOne = (index: number) => {
    const { template, rename, rows } = prepared[index % prepared.length]!;
    copy++;
    const base = sequence;
    for (const row of rows) {
      const text = rename(row.text, copy)
        .replace(UUID, (uuid) => copyUuid(uuid, copy))
        .replace(NUMBER, (_, standard: string, s: string) => {
          const number = `CN-${standard}-${format(base + Number(s))}`;
          return `"${number}"`;
        });
      const [id, data, metadata] = JSON.parse(text) as [string, Record<string, unknown>, unknown];
      let stream = rename(row.stream, copy);
      let version = row.version;
      if (row.allocation) {
        sequence++;
        data.sequence = sequence;
        stream = row.stream;
        version = sequence;
      }
      if (row.type === 'CertificateIssued' || row.type === 'CertificateTransferredIn') {
        numbers.push(data.number as string);
      }
      if (
        row.type === 'AuditCompleted' &&
        data.kind === 'SURVEILLANCE' &&
        /^cycle-b\d+x\d+-1$/.test(data.auditCycleId as string)
      ) {
        targets.push({
          auditCycleId: data.auditCycleId as string,
          auditId: data.auditId as string,
          lastDay: data.lastDay as string,
        });
      }
      insert.run(
        id,
        stream,
        version,
        row.category,
        row.type,
        JSON.stringify(data),
        JSON.stringify(metadata),
      );
      events++;
    }
    issued += template.certificates;
  };
  const batch = db.transaction(() => {
    const until = events + ROWS_PER_TRANSACTION;
    while (events < until && issued < certificates) copyOne(copy);
  });
  while (issued < certificates) batch.immediate();
  const last = db.prepare<[], number>('SELECT max(position) FROM events').pluck().get() ?? 0;
  sqliteCheckpointStore(db).write('certification-outcome', String(last).padStart(20, '0'));
  db.pragma('wal_checkpoint(TRUNCATE)');
  void store.close();
  db.close();
  return {
    events,
    certificates: issued,
    copies: copy,
    numbers,
    targets,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
  };
};
