import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendToStreamOptions,
  AppendResult as ClientAppendResult,
  EventData,
  Filter,
  JSONType,
  Position,
  ReadAllOptions as ClientReadAllOptions,
  ReadStreamOptions as ClientReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';
import { ConcurrencyError, EventStoreUnavailableError } from '../errors';
import {
  DEFAULT_SUBSCRIPTION_BATCH_SIZE,
  type AppendOptions,
  type AppendResult,
  type BatchHandler,
  type EventFilter,
  type EventStore,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store';
import { streamCategory } from '../stream-name';
import { validateAppend } from '../validation';
import { assertEventStoreDBIds } from './event-id';
import { toEventStoreDBMetadata } from './event-metadata';
import { serverFilterFor } from './event-selection';
import { toExpectedRevision, versionOfRevision } from './expected-revision';
import { decodePosition, encodePosition } from './global-position';
import { assertFilter, assertOptionalCount } from './read-options';
import { ReceivedBatches } from './received-batches';
import { hasLogPosition, selectedAfter, toRecordedEvent } from './recorded-event';
import { asPortFailure } from './transient-failure';

/** The part of `EventStoreDBClient` this adapter uses (a real client satisfies it). */
export interface EventStoreDBClientLike {
  appendToStream(
    streamName: string,
    events: EventData[],
    options?: AppendToStreamOptions,
  ): Promise<ClientAppendResult>;
  readStream(
    streamName: string,
    options?: ClientReadStreamOptions,
  ): AsyncIterable<ResolvedEvent> & { cancel(): Promise<void> };
  readAll(
    options?: ClientReadAllOptions,
  ): AsyncIterable<AllStreamResolvedEvent> & { cancel(): Promise<void> };
  subscribeToAll(
    options?: SubscribeToAllOptions,
  ): AsyncIterable<AllStreamResolvedEvent> & { unsubscribe(): Promise<void>; destroy(): unknown };
  dispose(): Promise<void>;
}

export interface EventStoreDBEventStoreOptions {
  /** Clock for `recordedAt` when an event does not carry one (default: the system clock). */
  now?: () => Date;
  /** Checkpoint interval of filtered subscriptions, in server search windows (default 1). */
  checkpointInterval?: number;
}

/** How long `checkReachable` waits for the server's answer (the client's default deadline). */
const REACHABLE_TIMEOUT_MS = 10_000;

/** Rejects with the port's EventStoreUnavailableError where `work` failed on a transient error. */
const unlessUnreachable = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw asPortFailure(error);
  }
};

/** Pushed into the subscription's own stream so it reaches the consumer after earlier events. */
class CheckpointReached {
  constructor(readonly position: Position) {}
}

export class EventStoreDBEventStore implements EventStore {
  private readonly client: EventStoreDBClientLike;
  private readonly ownsClient: boolean;
  private readonly now: () => Date;
  private readonly checkpointInterval: number;
  private readonly subscriptions = new Set<Subscription>();

  /** `connection`: a connection string (e.g. `esdb://localhost:2113?tls=false`) or a client. */
  constructor(
    connection: string | EventStoreDBClientLike,
    options: EventStoreDBEventStoreOptions = {},
  ) {
    this.ownsClient = typeof connection === 'string';
    this.client =
      typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
    this.now = options.now ?? (() => new Date());
    assertOptionalCount(options.checkpointInterval, 'checkpointInterval', 1);
    this.checkpointInterval = options.checkpointInterval ?? 1;
  }

  /** Rejects with an EventStoreUnavailableError when the server cannot be reached. */
  async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedVersion ?? 'any';
    const serialised = validateAppend(stream, events, expected, this.now().toISOString());
    assertEventStoreDBIds(serialised);
    const eventData = serialised.map((event) =>
      jsonEvent({
        id: event.id,
        type: event.type,
        data: JSON.parse(event.data) as JSONType,
        metadata: toEventStoreDBMetadata(event.metadata),
      }),
    );
    return unlessUnreachable(async () => {
      let result: ClientAppendResult;
      try {
        result = await this.client.appendToStream(stream, eventData, {
          expectedRevision: toExpectedRevision(expected),
        });
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          throw new ConcurrencyError(stream, expected, versionOfRevision(error.actualVersion));
        }
        throw error;
      }
      if (!result.success) {
        // A client made with throwOnAppendFailure=false (a connection string can ask for it)
        // reports a wrong expected version as an unsuccessful result instead of an error; its
        // batch append also reports the current revision wrongly (it converts a boolean), so
        // read the version.
        throw new ConcurrencyError(stream, expected, await this.currentVersion(stream));
      }
      const position =
        result.position ?? (await this.positionOf(stream, result.nextExpectedRevision));
      return {
        nextVersion: versionOfRevision(result.nextExpectedRevision),
        position: encodePosition(position),
      };
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    streamCategory(stream);
    assertOptionalCount(options.fromVersion, 'fromVersion', 0);
    assertOptionalCount(options.maxCount, 'maxCount', 0);
    if (options.maxCount === 0) return [];
    return unlessUnreachable(() => this.readWholeStream(stream, options));
  }

  private async readWholeStream(
    stream: string,
    options: ReadStreamOptions,
  ): Promise<RecordedEvent[]> {
    const read = this.client.readStream(stream, {
      fromRevision: BigInt(options.fromVersion ?? 0),
      direction: FORWARDS,
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    const events: RecordedEvent[] = [];
    let complete = false;
    try {
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event));
      }
      complete = true;
    } catch (error) {
      // The client reports a missing stream while iterating, not when the read is created.
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    } finally {
      // Leaving the loop early destroys the client's stream, not the server's call.
      if (!complete) await read.cancel().catch(() => undefined);
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? null;
    const fromPosition = after === null ? START : decodePosition(after, 'after');
    assertOptionalCount(options.limit, 'limit', 0);
    assertFilter(options);
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    if (limit === 0) return [];
    return unlessUnreachable(() => this.readAllAfter(fromPosition, after, limit, options));
  }

  private async readAllAfter(
    fromPosition: Position | typeof START,
    after: GlobalPosition | null,
    limit: number,
    options: EventFilter,
  ): Promise<RecordedEvent[]> {
    const read = this.client.readAll({ fromPosition, direction: FORWARDS });
    const events: RecordedEvent[] = [];
    let complete = false;
    try {
      for await (const resolved of read) {
        const event = selectedAfter(resolved.event, options, after ?? '');
        if (!event) continue;
        events.push(event);
        if (events.length >= limit) break;
      }
      complete = events.length < limit;
    } finally {
      // Stopping at the limit, or at an event it cannot convert, leaves the server's read running.
      if (!complete) await read.cancel().catch(() => undefined);
    }
    return events;
  }

  /**
   * Reads the first event of `$all`, as a subscription starts: rejects with the client's error when
   * the server does not answer (`UnavailableError`) or does not let this connection read the log,
   * and with an `UnavailableError` when no answer came within `timeoutMs`: the client reads `$all`
   * without a deadline, so a server that takes the connection but never answers (or a network that
   * drops it silently) would otherwise keep the caller waiting for ever. An aborted `signal` cancels
   * the read and rejects with its reason.
   */
  async checkReachable(timeoutMs = REACHABLE_TIMEOUT_MS, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const read = this.client.readAll({ fromPosition: START, direction: FORWARDS, maxCount: 1 });
    const answered = (async () => {
      for await (const resolved of read) void resolved;
      return 'answered' as const;
    })();
    let giveUp: () => void = () => undefined;
    const givenUp = new Promise<'given up'>((resolve) => (giveUp = () => resolve('given up')));
    const timer = setTimeout(giveUp, timeoutMs);
    signal?.addEventListener('abort', giveUp);
    try {
      if ((await Promise.race([answered, givenUp])) === 'answered') return;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', giveUp);
    }
    answered.catch(() => undefined);
    await read.cancel().catch(() => undefined);
    signal?.throwIfAborted();
    throw new UnavailableError(undefined, `no answer within ${timeoutMs / 1000} s`);
  }

  /**
   * Hands over what arrived while the handler ran, up to `batchSize` events at a time (the server
   * pushes events one by one). `done` rejects with an EventStoreUnavailableError when the
   * connection is lost or the server ends the subscription (after handing over what arrived
   * before), and with the handler's error as it is.
   */
  subscribe(options: SubscribeOptions, handler: BatchHandler): Subscription {
    const after = options.after ?? null;
    const fromPosition = after === null ? START : decodePosition(after, 'after');
    assertOptionalCount(options.batchSize, 'batchSize', 1);
    assertFilter(options);
    const source = this.client.subscribeToAll({ fromPosition, filter: this.filterFor(options) });
    const received = new ReceivedBatches(
      options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH_SIZE,
      after ?? '',
    );

    // Unsubscribing can only fail when the subscription never started; its error ends `done`.
    const unsubscribe = () => source.unsubscribe().catch(() => undefined);
    let closed = false;
    let handling = false;
    const receive = async (): Promise<void> => {
      let lastEvent = after ?? '';
      try {
        for await (const item of source as AsyncIterable<
          AllStreamResolvedEvent | CheckpointReached
        >) {
          if (closed) break;
          if (item instanceof CheckpointReached) {
            // The server can report a checkpoint behind events already received: never go back.
            received.receiveCheckpoint(encodePosition(item.position));
            continue;
          }
          const event = selectedAfter(item.event, options, lastEvent);
          if (!event) continue;
          lastEvent = event.position;
          received.receiveEvent(event);
          if (received.full) await received.untilTaken();
        }
        received.end(
          new EventStoreUnavailableError({
            cause: new Error('the EventStoreDB server ended the subscription'),
          }),
        );
      } catch (error) {
        received.end(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const consume = async (): Promise<void> => {
      const receiving = receive();
      try {
        for (;;) {
          const batch = await received.take();
          if (closed || !batch) return;
          handling = true;
          try {
            await handler(batch.events, batch.checkpoint);
          } finally {
            handling = false;
          }
        }
      } catch (error) {
        if (!closed) throw asPortFailure(error);
      } finally {
        received.end();
        await unsubscribe();
        source.destroy();
        await receiving;
      }
    };

    const done = consume();
    done.catch(() => undefined);
    const settled = done.then(
      () => undefined,
      () => undefined,
    );
    const subscription: Subscription = {
      done,
      close: async () => {
        this.subscriptions.delete(subscription);
        if (!closed) {
          closed = true;
          received.end();
          await unsubscribe();
          source.destroy();
        }
        // Called from inside the handler, waiting for the loop would wait for itself.
        if (!handling) await settled;
      },
    };
    this.subscriptions.add(subscription);
    void settled.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    if (this.ownsClient) await this.client.dispose();
  }

  private filterFor(options: EventFilter): Filter {
    const checkpointReached = (subscription: AllStreamSubscription, position: Position): void => {
      subscription.push(new CheckpointReached(position));
    };
    const server = serverFilterFor(options);
    const common = { checkpointInterval: this.checkpointInterval, checkpointReached };
    return server.on === 'eventType'
      ? eventTypeFilter({ regex: server.regex, ...common })
      : streamNameFilter({ prefixes: server.prefixes, ...common });
  }

  /** Position of the event at `revision`, for appends the server acknowledged without one. */
  private async positionOf(stream: string, revision: bigint): Promise<Position> {
    const read = this.client.readStream(stream, { fromRevision: revision, maxCount: 1 });
    for await (const resolved of read) {
      if (hasLogPosition(resolved.event?.position)) return resolved.event.position;
    }
    throw new Error(
      `EventStoreDB returned no position for ${stream} at revision ${revision} ` +
        '(stream reads carry positions from server 22.6 on)',
    );
  }

  /** The stream's version now (0: no stream), read from its last event. */
  private async currentVersion(stream: string): Promise<number> {
    const read = this.client.readStream(stream, {
      fromRevision: END,
      direction: BACKWARDS,
      maxCount: 1,
    });
    try {
      for await (const resolved of read) {
        if (resolved.event) return versionOfRevision(resolved.event.revision);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return 0;
      throw error;
    }
    return 0;
  }
}
