import { Readable, Transform, type TransformCallback } from 'node:stream';
import {
  BACKWARDS,
  END,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type {
  AllStreamRecordedEvent,
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  Filter,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '@eventstore/db-client';
import type { EventStoreDBClientLike } from '../../../src/eventstore/eventstoredb';

interface CheckpointRequest {
  checkpoint: Position;
}

/**
 * Stands in for the client's Subscription: a transform fed with server responses. Like the real
 * one it awaits the filter's checkpointReached inside the transform, in response order.
 */
export class FakeSubscription extends Transform {
  unsubscribed = false;

  constructor(readonly serverFilter: Filter | undefined) {
    super({ objectMode: true });
  }

  override _transform(
    response: AllStreamResolvedEvent | CheckpointRequest,
    _encoding: BufferEncoding,
    next: TransformCallback,
  ): void {
    if (!('checkpoint' in response)) {
      next(null, response);
      return;
    }
    Promise.resolve(
      this.serverFilter?.checkpointReached?.(
        this as unknown as AllStreamSubscription,
        response.checkpoint,
      ),
    ).then(() => next(), next);
  }

  unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.end();
    return Promise.resolve();
  }

  /** A server checkpoint at a log position. */
  checkpoint(commit: bigint): void {
    this.write({ checkpoint: { commit, prepare: commit } });
  }
}

const at = (commit: bigint): Position => ({ commit, prepare: commit });

const matches = (filter: Filter | undefined, event: AllStreamRecordedEvent): boolean => {
  if (!filter) return true;
  const subject = filter.filterOn === 'eventType' ? event.type : event.streamId;
  return 'regex' in filter
    ? new RegExp(filter.regex).test(subject)
    : filter.prefixes.some((prefix) => subject.startsWith(prefix));
};

const streamingRead = <E>(items: () => AsyncGenerator<E>) =>
  Object.assign(Readable.from(items()), { cancel: () => Promise.resolve() });

/**
 * An in-memory EventStoreDB with the client's revision, position and error conventions, and the
 * server's idempotency by event id (acknowledged without a position, as the server does).
 */
export class FakeEventStoreDBClient implements EventStoreDBClientLike {
  readonly calls: string[] = [];
  readonly appends: { stream: string; events: EventData[]; options?: AppendToStreamOptions }[] = [];
  readonly log: AllStreamRecordedEvent[] = [];
  readonly subscriptions: FakeSubscription[] = [];
  disposed = false;
  /** When set, appends are acknowledged without a position (as the server may for retries). */
  omitAppendPosition = false;
  /**
   * When set, a wrong expected version resolves as an unsuccessful result, as the client does when
   * made with throwOnAppendFailure=false; like its batch append, with current revision 1 or 0 (the
   * boolean "has a current revision" converted to a bigint).
   */
  failuresAsResults = false;
  /** While set, every call fails with it, as the client does with a server it cannot reach. */
  private down: UnavailableError | null = null;
  /** Commit positions start at 8 so that encoded positions cross a decimal digit early. */
  private nextCommit = 8n;

  record(
    stream: string,
    type: string,
    data: unknown = {},
    metadata?: unknown,
    id = `${stream}#${this.log.length}`,
  ): AllStreamRecordedEvent {
    const revision = BigInt(this.log.filter((event) => event.streamId === stream).length);
    const event = {
      streamId: stream,
      id,
      isJson: true,
      revision,
      type,
      created: new Date('2026-01-02T03:04:05.000Z'),
      data,
      metadata,
      position: at(this.nextCommit),
    } as AllStreamRecordedEvent;
    this.nextCommit += 1n;
    this.log.push(event);
    for (const subscription of this.subscriptions) {
      if (
        !subscription.unsubscribed &&
        !subscription.destroyed &&
        matches(subscription.serverFilter, event)
      ) {
        subscription.write({ event });
      }
    }
    return event;
  }

  /** The server goes away: open subscriptions fail, and so does every call until `serverBack`. */
  serverDown(reason = 'No connection established'): void {
    this.down = new UnavailableError(undefined, reason);
    for (const subscription of this.subscriptions) {
      if (!subscription.destroyed) subscription.destroy(this.down);
    }
  }

  serverBack(): void {
    this.down = null;
  }

  currentRevision(stream: string): bigint | 'no_stream' {
    const count = this.log.filter((event) => event.streamId === stream).length;
    return count === 0 ? 'no_stream' : BigInt(count - 1);
  }

  appendToStream(
    stream: string,
    events: EventData[],
    options?: AppendToStreamOptions,
  ): Promise<AppendResult> {
    this.calls.push('appendToStream');
    if (this.down) return Promise.reject(this.down);
    this.appends.push({ stream, events, options });
    const expected = options?.expectedRevision ?? 'any';
    const current = this.currentRevision(stream);
    const stored = this.log.filter((event) => event.streamId === stream);
    const wrongVersion = (): Promise<AppendResult> =>
      this.failuresAsResults
        ? Promise.resolve({
            success: false,
            nextExpectedRevision: current === 'no_stream' ? 0n : 1n,
            position: undefined,
          })
        : Promise.reject(
            new WrongExpectedVersionError(undefined, { streamName: stream, expected, current }),
          );
    // The server's idempotency: the same ids already stored where this append would have gone.
    const start =
      typeof expected === 'bigint'
        ? Number(expected) + 1
        : expected === 'no_stream'
          ? 0
          : stored.findIndex((event) => event.id === events[0]?.id);
    const repeated = start < 0 ? 0 : events.filter((e, i) => stored[start + i]?.id === e.id).length;
    if (repeated === events.length) {
      return Promise.resolve({
        success: true,
        nextExpectedRevision: BigInt(start + events.length - 1),
        position: undefined,
      });
    }
    if (repeated > 0) return wrongVersion();
    const conflict =
      (expected === 'no_stream' && current !== 'no_stream') ||
      (expected === 'stream_exists' && current === 'no_stream') ||
      (typeof expected === 'bigint' && expected !== current);
    if (conflict) return wrongVersion();
    const recorded = events.map((event) =>
      this.record(stream, event.type, event.data, event.metadata, event.id),
    );
    const last = recorded[recorded.length - 1]!;
    return Promise.resolve({
      success: true,
      nextExpectedRevision: last.revision,
      position: this.omitAppendPosition ? undefined : last.position,
    });
  }

  readStream(stream: string, options?: ReadStreamOptions) {
    this.calls.push('readStream');
    const from = options?.fromRevision;
    const backwards = options?.direction === BACKWARDS;
    const max = Number(options?.maxCount ?? Number.MAX_SAFE_INTEGER);
    const log = this.log;
    const down = this.down;
    const inRange = (revision: bigint): boolean => {
      if (typeof from === 'bigint') return backwards ? revision <= from : revision >= from;
      if (from === END) return backwards;
      return !backwards || revision === 0n; // START, the default
    };
    return streamingRead(async function* () {
      await Promise.resolve();
      if (down) throw down;
      const events = log.filter((event) => event.streamId === stream);
      if (events.length === 0) throw new StreamNotFoundError(undefined, stream);
      const ordered = backwards ? [...events].reverse() : events;
      for (const event of ordered.filter((e) => inRange(e.revision)).slice(0, max)) {
        yield { event };
      }
    });
  }

  readAll(options?: ReadAllOptions) {
    this.calls.push('readAll');
    const from = options?.fromPosition;
    const start = typeof from === 'object' ? from.commit : 0n;
    const log = this.log;
    const down = this.down;
    return streamingRead(async function* () {
      await Promise.resolve();
      if (down) throw down;
      // Inclusive, like the server: the event at fromPosition comes back.
      for (const event of log.filter((e) => e.position.commit >= start)) yield { event };
    });
  }

  subscribeToAll(options?: SubscribeToAllOptions): FakeSubscription {
    this.calls.push('subscribeToAll');
    const subscription = new FakeSubscription(options?.filter);
    const down = this.down;
    if (down) {
      process.nextTick(() => subscription.destroy(down));
      return subscription;
    }
    const from = options?.fromPosition;
    const start = typeof from === 'object' ? from.commit : 0n;
    for (const event of this.log) {
      if (event.position.commit >= start && matches(options?.filter, event)) {
        subscription.write({ event });
      }
    }
    this.subscriptions.push(subscription);
    return subscription;
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }
}
