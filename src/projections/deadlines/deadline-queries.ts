import type { Database } from 'better-sqlite3';
import {
  addDaysUpToLast,
  type CalendarDate,
  calendarDate,
  deadlineExistsOn,
  type DeadlineType,
} from '../../domain';
import {
  objectRows,
  type Page,
  type PageInput,
  pageKey,
  pageSize,
  perDatabase,
  ReadCache,
  type RowReader,
  toPage,
} from '../support';
import { DEADLINE_TYPES, type DeadlineRow, type DeadlineView, deadlineView } from './deadline-view';

export interface UpcomingDeadlinesInput extends PageInput {
  asOf: CalendarDate;
  /** Due on or before asOf + withinDays (default 90). */
  withinDays?: number | null;
  types?: readonly DeadlineType[] | null;
  organisationId?: string | null;
  /** Include deadlines already overdue as of asOf (default true). */
  includeOverdue?: boolean | null;
}

/** Bad deadline query values (window, types). */
export class InvalidDeadlineQueryError extends Error {
  override readonly name = 'InvalidDeadlineQueryError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_WITHIN_DAYS = 3660;

/** Distinct pages of upcoming deadlines kept between requests (dashboards repeat a few). */
const PAGES_KEPT = 50;

const statements = perDatabase((db: Database) => ({
  ofCertificate: objectRows(
    db.prepare<[string], DeadlineRow>(
      `SELECT * FROM rm_deadlines WHERE certificate_id = ?
     ORDER BY due_date, key, aggregate_id`,
    ),
  ),
  upcoming: new Map<string, RowReader<[Record<string, unknown>], DeadlineRow>>(),
  /** Pages asked for since the deadlines last changed, by query shape and parameters. */
  pages: new ReadCache<string, Page<DeadlineView>>(db, PAGES_KEPT),
}));

interface Shape {
  metLater: boolean;
  organisation: boolean;
  types: boolean;
  notOverdue: boolean;
  after: boolean;
}

/**
 * Open as of asOf = set by then (opened_on <= asOf), not ended by itself (closes_on), and not met
 * yet (met_on IS NULL: the partial due-date indexes) or met after asOf (met_on > asOf: the met_on
 * index). The two legs are read separately and merged.
 */
export const upcomingDeadlinesSql = (shape: Shape): string => {
  const where = [
    shape.metLater ? 'met_on > :asOf' : 'met_on IS NULL',
    'due_date <= :end',
    'opened_on <= :asOf',
    '(closes_on IS NULL OR closes_on > :asOf)',
  ];
  if (shape.notOverdue) where.push('due_date >= :asOf');
  if (shape.organisation) where.push('organisation_id = :organisationId');
  if (shape.types) where.push('type IN (SELECT value FROM json_each(:types))');
  if (shape.after) where.push('(due_date, key, aggregate_id) > (:afterDue, :afterKey, :afterId)');
  return `SELECT * FROM rm_deadlines WHERE ${where.join(' AND ')}
    ORDER BY due_date, key, aggregate_id LIMIT :limit`;
};

const statementFor = (db: Database, shape: Shape) => {
  const sql = upcomingDeadlinesSql(shape);
  const { upcoming } = statements(db);
  let statement = upcoming.get(sql);
  if (!statement) {
    statement = objectRows(db.prepare<[Record<string, unknown>], DeadlineRow>(sql));
    upcoming.set(sql, statement);
  }
  return statement;
};

const validTypes = (types: readonly DeadlineType[] | null | undefined): DeadlineType[] | null => {
  if (!types) return null;
  if (types.length === 0) {
    throw new InvalidDeadlineQueryError(
      'types',
      'types names no deadline type: name at least one, or leave types out for every type',
    );
  }
  const unknown = types.filter((type) => !DEADLINE_TYPES.includes(type));
  if (unknown.length > 0) {
    throw new InvalidDeadlineQueryError(
      'types',
      `unknown deadline type ${unknown.join(', ')} (known: ${DEADLINE_TYPES.join(', ')})`,
    );
  }
  return [...types];
};

const validWindow = (withinDays: number | null | undefined): number => {
  const days = withinDays ?? 90;
  if (!Number.isInteger(days) || days < 0 || days > MAX_WITHIN_DAYS) {
    throw new InvalidDeadlineQueryError(
      'withinDays',
      `withinDays must be a whole number from 0 to ${MAX_WITHIN_DAYS}, got ${days}`,
    );
  }
  return days;
};

const rowKey = (row: DeadlineRow): [string, string, string] => [
  row.due_date,
  row.key,
  row.aggregate_id,
];

const byKey = (a: DeadlineRow, b: DeadlineRow): number => {
  const [x, y] = [rowKey(a), rowKey(b)];
  for (let i = 0; i < x.length; i++) {
    if (x[i]! < y[i]!) return -1;
    if (x[i]! > y[i]!) return 1;
  }
  return 0;
};

/**
 * Deadlines open as of `asOf` and due within the window (overdue ones too unless excluded),
 * ordered by due date then key. State and daysRemaining are as of `asOf`.
 * Key: [due date, deadline key, aggregate id].
 */
export const upcomingDeadlines = (
  db: Database,
  input: UpcomingDeadlinesInput,
): Page<DeadlineView> => {
  const asOf = calendarDate(input.asOf);
  const end = addDaysUpToLast(asOf, validWindow(input.withinDays));
  const types = validTypes(input.types);
  const size = pageSize(input.first);
  const after = pageKey(input.after, ['string', 'string', 'string']);
  const parameters: Record<string, unknown> = { asOf, end, limit: size + 1 };
  if (input.organisationId != null) parameters.organisationId = input.organisationId;
  if (types) parameters.types = JSON.stringify(types);
  if (after) [parameters.afterDue, parameters.afterKey, parameters.afterId] = after;
  const shape = {
    organisation: input.organisationId != null,
    types: types !== null,
    notOverdue: input.includeOverdue === false,
    after: after !== undefined,
  };
  return statements(db).pages.get(JSON.stringify([shape, parameters]), () => {
    const rows = [
      ...statementFor(db, { ...shape, metLater: false }).all(parameters),
      ...statementFor(db, { ...shape, metLater: true }).all(parameters),
    ].sort(byKey);
    return toPage(rows.slice(0, size + 1), size, rowKey, (row) => deadlineView(row, asOf));
  });
};

/**
 * Every deadline of the certificate and of its audit cycles set by `asOf`, met or open, by due
 * date.
 */
export const certificateDeadlines = (
  db: Database,
  certificateId: string,
  asOf: CalendarDate,
): DeadlineView[] => {
  const date = calendarDate(asOf);
  return statements(db)
    .ofCertificate.all(certificateId)
    .map((row) => deadlineView(row, date))
    .filter((deadline) => deadlineExistsOn(deadline, date));
};
