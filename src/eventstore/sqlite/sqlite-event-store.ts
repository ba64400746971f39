import Database from 'better-sqlite3';
import { ConcurrencyError, DuplicateEventIdError, InvalidEventStoreInputError } from '../errors';
import {
  DEFAULT_SUBSCRIPTION_BATCH_SIZE,
  type AppendOptions,
  type AppendResult,
  type BatchHandler,
  type EventFilter,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store';
import { streamCategory } from '../stream-name';
import { validateAppend, type SerialisedEvent } from '../validation';
import {
  acquireAppendSignal,
  appendSignalKey,
  releaseAppendSignal,
  type AppendSignal,
} from './append-signal';
import { rowidAfter, toPosition } from './position';
import { GroupCommit, type GroupOutcome } from './group-commit';
import { RecentStreams } from './recent-streams';
import { configureConnection, createEventsSchema } from './schema';
import { SqliteSubscription } from './sqlite-subscription';

export interface SqliteEventStoreOptions {
  /** How long a write waits for another connection's write lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /**
   * Live subscriptions also look for new events at this interval, in ms, to see appends made by
   * other processes. Default: off (appends made in this process wake subscriptions at once).
   */
  pollIntervalMs?: number;
}

type EventRow = [number, string, string, number, string, string, string];
type StoredEvent = { stream: string; version: number; position: number };
/** `written`: the rows this append inserted (none for a repeated append of the same ids). */
type AppendOutcome = AppendResult & { written: EventRow[] };
interface AppendRequest {
  stream: string;
  events: SerialisedEvent[];
  expected: ExpectedVersion;
}

const COLUMNS = 'position, id, stream, version, type, data, metadata';
const NO_LIMIT = -1;

/**
 * An event read from the store. Its metadata is parsed on first access, so replays that read only
 * types and data skip that cost.
 */
class EventFromStore implements RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly stream: string;
  readonly version: number;
  readonly position: string;
  #metadata: string | RecordedEvent['metadata'];

  constructor([position, id, stream, version, type, data, metadata]: EventRow) {
    this.id = id;
    this.type = type;
    this.data = JSON.parse(data) as unknown;
    this.stream = stream;
    this.version = version;
    this.position = toPosition(position);
    this.#metadata = metadata;
  }

  get metadata(): RecordedEvent['metadata'] {
    if (typeof this.#metadata === 'string') {
      this.#metadata = JSON.parse(this.#metadata) as RecordedEvent['metadata'];
    }
    return this.#metadata;
  }

  toJSON(): RecordedEvent {
    const { id, type, data, metadata, stream, version, position } = this;
    return { id, type, data, metadata, stream, version, position };
  }
}

const withoutWritten = ({ nextVersion, position }: AppendOutcome): AppendResult => ({
  nextVersion,
  position,
});

const toRecordedEvent = (row: unknown): RecordedEvent => new EventFromStore(row as EventRow);

const wholeNumber = (field: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidEventStoreInputError(
      field,
      `invalid ${field} ${JSON.stringify(value)}: expected a whole number >= 0`,
    );
  }
  return value;
};

const isStringList = (values: unknown): values is readonly string[] =>
  Array.isArray(values) && values.every((value) => typeof value === 'string');

const stringList = (field: string, values: readonly string[] | undefined): readonly string[] => {
  if (values === undefined) return [];
  if (!isStringList(values)) {
    throw new InvalidEventStoreInputError(field, `${field} must be a list of strings`);
  }
  return values;
};

const matchesExpected = (expected: ExpectedVersion, actual: number): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && actual === 0) ||
  (expected === 'stream_exists' && actual > 0) ||
  expected === actual;

/** An earlier append of the same ids could have been made with this expected version. */
const allowsOriginalAppend = (expected: ExpectedVersion, versionBefore: number): boolean =>
  expected === 'any' ||
  expected === 'stream_exists' ||
  expected === versionBefore ||
  (expected === 'no_stream' && versionBefore === 0);

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL. The global position
 * is the rowid. Appends requested in the same turn of the event loop share one BEGIN IMMEDIATE
 * transaction (group commit), each in its own savepoint: one append's refusal leaves the others.
 * Only the store writes the events table on its connection (other connections may): the streams
 * it keeps (RecentStreams) count on seeing every append made through that connection.
 */
export class SqliteEventStore implements EventStore {
  readonly db: Database.Database;
  private readonly ownsDatabase: boolean;
  private readonly signalKey: string;
  private readonly signal: AppendSignal;
  private readonly pollIntervalMs: number | null;
  private readonly subscriptions = new Set<Subscription>();
  private readonly filteredReads = new Map<string, Database.Statement>();
  private readonly recentStreams = new RecentStreams();
  private readonly statements;
  private readonly appendTransaction;
  private readonly appends: GroupCommit<AppendRequest, AppendResult>;
  private closed = false;

  constructor(fileOrDatabase: string | Database.Database, options: SqliteEventStoreOptions = {}) {
    this.ownsDatabase = typeof fileOrDatabase === 'string';
    this.db = typeof fileOrDatabase === 'string' ? new Database(fileOrDatabase) : fileOrDatabase;
    try {
      configureConnection(this.db, options.busyTimeoutMs ?? 5000);
      createEventsSchema(this.db);
    } catch (error) {
      if (this.ownsDatabase) this.db.close();
      throw error;
    }
    this.pollIntervalMs = options.pollIntervalMs ?? null;
    this.signalKey = appendSignalKey(this.db.name);
    this.signal = acquireAppendSignal(this.signalKey);
    const db = this.db;
    this.statements = {
      eventById: db.prepare<[string], StoredEvent>(
        'SELECT stream, version, position FROM events WHERE id = ?',
      ),
      streamVersion: db
        .prepare<[string], number | null>('SELECT max(version) FROM events WHERE stream = ?')
        .pluck(),
      insert: db.prepare(
        'INSERT INTO events (id, stream, version, category, type, data, metadata) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      readStream: db
        .prepare(
          `SELECT ${COLUMNS} FROM events WHERE stream = ? AND version > ? ORDER BY version LIMIT ?`,
        )
        .raw(),
      readAll: db
        .prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
        .raw(),
      /** Changes when another connection commits (not this one): see RecentStreams. */
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
    };
    this.appendTransaction = db.transaction(
      (stream: string, events: SerialisedEvent[], expected: ExpectedVersion): AppendOutcome =>
        this.appendInTransaction(stream, events, expected),
    );
    const appendGroup = db.transaction((requests: readonly AppendRequest[]) =>
      requests.map((request) => this.appendInSavepoint(request)),
    );
    this.appends = new GroupCommit((requests) => {
      const outcomes = appendGroup.immediate(requests);
      let written = false;
      outcomes.forEach((outcome, index) => {
        if (!('result' in outcome) || outcome.result.written.length === 0) return;
        written = true;
        this.recentStreams.appended(
          requests[index]!.stream,
          outcome.result.written.map(toRecordedEvent),
        );
      });
      if (written) this.signal.notify();
      return outcomes.map((outcome) =>
        'result' in outcome ? { result: withoutWritten(outcome.result) } : outcome,
      );
    });
  }

  async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedVersion ?? 'any';
    const serialised = validateAppend(stream, events, expected, new Date().toISOString());
    return this.appends.submit({ stream, events: serialised, expected });
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- the port is asynchronous
  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    streamCategory(stream);
    const fromVersion = wholeNumber('fromVersion', options.fromVersion, 0);
    const maxCount = wholeNumber('maxCount', options.maxCount, NO_LIMIT);
    this.recentStreams.sync(this.statements.dataVersion.get() as number);
    let events = this.recentStreams.get(stream);
    if (!events) {
      if (fromVersion > 0 || maxCount !== NO_LIMIT) {
        return this.statements.readStream.all(stream, fromVersion, maxCount).map(toRecordedEvent);
      }
      events = this.statements.readStream.all(stream, 0, NO_LIMIT).map(toRecordedEvent);
      this.recentStreams.remember(stream, events);
    }
    return events.slice(fromVersion, maxCount === NO_LIMIT ? undefined : fromVersion + maxCount);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- the port is asynchronous
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const after = rowidAfter(options.after);
    const limit = wholeNumber('limit', options.limit, NO_LIMIT);
    return this.readAfter(after, limit, options);
  }

  subscribe(options: SubscribeOptions, handler: BatchHandler): Subscription {
    this.assertOpen();
    const afterRowid = rowidAfter(options.after);
    const batchSize = wholeNumber('batchSize', options.batchSize, DEFAULT_SUBSCRIPTION_BATCH_SIZE);
    if (batchSize === 0) {
      throw new InvalidEventStoreInputError('batchSize', 'batchSize must be at least 1');
    }
    const filter: EventFilter = {
      eventTypes: stringList('eventTypes', options.eventTypes),
      categories: stringList('categories', options.categories),
    };
    const subscription: Subscription = new SqliteSubscription(
      (after, limit) => this.readAfter(after, limit, filter),
      this.signal,
      handler,
      {
        afterRowid,
        batchSize,
        pollIntervalMs: this.pollIntervalMs,
        onStop: () => this.subscriptions.delete(subscription),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Stops the subscriptions; closes the database only if this store opened it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.appends.flush();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    releaseAppendSignal(this.signalKey);
    if (this.ownsDatabase) this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`the event store on ${this.db.name} is closed`);
  }

  /** One append of a group; a refusal rolls back its savepoint only, unless SQLite ended the transaction. */
  private appendInSavepoint(request: AppendRequest): GroupOutcome<AppendOutcome> {
    try {
      return { result: this.appendTransaction(request.stream, request.events, request.expected) };
    } catch (error) {
      if (!this.db.inTransaction) throw error;
      return { error };
    }
  }

  private appendInTransaction(
    stream: string,
    events: SerialisedEvent[],
    expected: ExpectedVersion,
  ): AppendOutcome {
    const { eventById, streamVersion, insert } = this.statements;
    const earlier = events.map((event) => eventById.get(event.id));
    const actual = streamVersion.get(stream) ?? 0;
    if (earlier.some((stored) => stored !== undefined)) {
      return this.earlierOutcome(stream, events, earlier, expected, actual);
    }
    if (!matchesExpected(expected, actual)) throw new ConcurrencyError(stream, expected, actual);
    const category = streamCategory(stream);
    const written = events.map((event, index): EventRow => {
      const version = actual + index + 1;
      const { lastInsertRowid } = insert.run(
        event.id,
        stream,
        version,
        category,
        event.type,
        event.data,
        event.metadata,
      );
      return [
        Number(lastInsertRowid),
        event.id,
        stream,
        version,
        event.type,
        event.data,
        event.metadata,
      ];
    });
    const position = written.at(-1)?.[0] ?? 0;
    return { nextVersion: actual + events.length, position: toPosition(position), written };
  }

  /** Idempotent retry: the same ids stored as one run in this stream give the original result. */
  private earlierOutcome(
    stream: string,
    events: SerialisedEvent[],
    earlier: (StoredEvent | undefined)[],
    expected: ExpectedVersion,
    actual: number,
  ): AppendOutcome {
    const first = earlier[0];
    const last = earlier[earlier.length - 1];
    const sameRun =
      first !== undefined &&
      earlier.every(
        (stored, index) => stored?.stream === stream && stored.version === first.version + index,
      );
    if (!sameRun || !last) {
      const index = earlier.findIndex((stored) => stored !== undefined);
      throw new DuplicateEventIdError(events[index]?.id ?? '', stream);
    }
    if (!allowsOriginalAppend(expected, first.version - 1)) {
      throw new ConcurrencyError(stream, expected, actual);
    }
    return { nextVersion: last.version, position: toPosition(last.position), written: [] };
  }

  private readAfter(afterRowid: number, limit: number, filter: EventFilter): RecordedEvent[] {
    const types = stringList('eventTypes', filter.eventTypes);
    const categories = stringList('categories', filter.categories);
    if (types.length === 0 && categories.length === 0) {
      return this.statements.readAll.all(afterRowid, limit).map(toRecordedEvent);
    }
    return this.filteredRead(types.length, categories.length)
      .all(afterRowid, ...types, ...categories, limit)
      .map(toRecordedEvent);
  }

  private filteredRead(typeCount: number, categoryCount: number): Database.Statement {
    const key = `${typeCount}:${categoryCount}`;
    let statement = this.filteredReads.get(key);
    if (!statement) {
      const list = (count: number): string => Array.from({ length: count }, () => '?').join(', ');
      // An index on a single value reads in position order; for several values a scan in rowid
      // order stops at the limit, where an index would sort every later match for each page.
      const column = (name: string, count: number): string => (count === 1 ? name : `+${name}`);
      const conditions = ['position > ?'];
      if (typeCount > 0) conditions.push(`${column('type', typeCount)} IN (${list(typeCount)})`);
      if (categoryCount > 0) {
        conditions.push(`${column('category', categoryCount)} IN (${list(categoryCount)})`);
      }
      statement = this.db
        .prepare(
          `SELECT ${COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ` +
            'ORDER BY position LIMIT ?',
        )
        .raw();
      this.filteredReads.set(key, statement);
    }
    return statement;
  }
}
