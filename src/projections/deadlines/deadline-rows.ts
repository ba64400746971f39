import type { Database } from 'better-sqlite3';
import type { Deadline } from '../../domain';
import { perDatabase } from '../support';

/** Where an aggregate's deadlines belong. */
export interface DeadlineOwner {
  aggregateId: string;
  certificateId: string;
  organisationId: string;
  auditCycleId: string | null;
}

const statements = perDatabase((db: Database) => ({
  insert: db.prepare(
    `INSERT INTO rm_deadlines (aggregate_id, key, type, certificate_id, organisation_id,
       audit_cycle_id, due_date, met_on, subject)
     VALUES (:aggregateId, :key, :type, :certificateId, :organisationId, :auditCycleId, :dueDate,
       :metOn, :subject)`,
  ),
  update: db.prepare(
    `UPDATE rm_deadlines SET type = :type, certificate_id = :certificateId,
       organisation_id = :organisationId, audit_cycle_id = :auditCycleId, due_date = :dueDate,
       met_on = :metOn, subject = :subject
     WHERE aggregate_id = :aggregateId AND key = :key`,
  ),
  delete: db.prepare<[string, string]>(
    'DELETE FROM rm_deadlines WHERE aggregate_id = ? AND key = ?',
  ),
}));

const same = (a: Deadline, b: Deadline): boolean =>
  a.type === b.type && a.dueDate === b.dueDate && a.metOn === b.metOn && a.subject === b.subject;

const sameOwner = (a: DeadlineOwner | null, b: DeadlineOwner): boolean =>
  a !== null &&
  a.certificateId === b.certificateId &&
  a.organisationId === b.organisationId &&
  a.auditCycleId === b.auditCycleId;

/** Makes the aggregate's rows (which equal `before`) equal `after`, writing only what differs. */
export const replaceDeadlines = (
  db: Database,
  owner: DeadlineOwner,
  previousOwner: DeadlineOwner | null,
  before: readonly Deadline[],
  after: readonly Deadline[],
): void => {
  const s = statements(db);
  const previous = new Map(before.map((deadline) => [deadline.key, deadline]));
  const unchangedOwner = sameOwner(previousOwner, owner);
  for (const deadline of after) {
    const old = previous.get(deadline.key);
    previous.delete(deadline.key);
    if (old && unchangedOwner && same(old, deadline)) continue;
    (old ? s.update : s.insert).run({ ...owner, ...deadline });
  }
  for (const key of previous.keys()) s.delete.run(owner.aggregateId, key);
};
