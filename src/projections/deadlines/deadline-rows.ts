import type { Database } from 'better-sqlite3';
import type { Deadline } from '../../domain';
import { perDatabase } from '../support';
import type { DeadlineRow } from './deadline-view';

/** Where an aggregate's deadlines belong. */
export interface DeadlineOwner {
  aggregateId: string;
  certificateId: string;
  organisationId: string;
  auditCycleId: string | null;
}

const statements = perDatabase((db: Database) => ({
  ofAggregate: db.prepare<[string], DeadlineRow>(
    'SELECT * FROM rm_deadlines WHERE aggregate_id = ?',
  ),
  insert: db.prepare(
    `INSERT INTO rm_deadlines (aggregate_id, key, type, certificate_id, organisation_id,
       audit_cycle_id, due_date, opened_on, met_on, closes_on, subject)
     VALUES (:aggregateId, :key, :type, :certificateId, :organisationId, :auditCycleId, :dueDate,
       :openedOn, :metOn, :closesOn, :subject)`,
  ),
  update: db.prepare(
    `UPDATE rm_deadlines SET type = :type, certificate_id = :certificateId,
       organisation_id = :organisationId, audit_cycle_id = :auditCycleId, due_date = :dueDate,
       opened_on = :openedOn, met_on = :metOn, closes_on = :closesOn, subject = :subject
     WHERE aggregate_id = :aggregateId AND key = :key`,
  ),
  delete: db.prepare<[string, string]>(
    'DELETE FROM rm_deadlines WHERE aggregate_id = ? AND key = ?',
  ),
}));

const same = (row: DeadlineRow, owner: DeadlineOwner, deadline: Deadline): boolean =>
  row.type === deadline.type &&
  row.due_date === deadline.dueDate &&
  row.opened_on === deadline.openedOn &&
  row.met_on === deadline.metOn &&
  row.closes_on === deadline.closesOn &&
  row.subject === deadline.subject &&
  row.certificate_id === owner.certificateId &&
  row.organisation_id === owner.organisationId &&
  row.audit_cycle_id === owner.auditCycleId;

/**
 * Makes the aggregate's rows equal `deadlines`, writing only what differs. `stored` says whether
 * the aggregate may have rows already (false: it is new in this batch, nothing to read).
 */
export const writeDeadlines = (
  db: Database,
  owner: DeadlineOwner,
  deadlines: readonly Deadline[],
  stored: boolean,
): void => {
  const s = statements(db);
  const rows = stored ? s.ofAggregate.all(owner.aggregateId) : [];
  const previous = new Map(rows.map((row) => [row.key, row]));
  for (const deadline of deadlines) {
    const row = previous.get(deadline.key);
    previous.delete(deadline.key);
    if (row && same(row, owner, deadline)) continue;
    (row ? s.update : s.insert).run({ ...owner, ...deadline });
  }
  for (const key of previous.keys()) s.delete.run(owner.aggregateId, key);
};
