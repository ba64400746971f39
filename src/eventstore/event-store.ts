/**
 * The event store port. Version convention: a stream's version is the number of events in it;
 * 0 means the stream does not exist. The first event of a stream has version 1.
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

/** Opaque, ordered global position. Compare as strings; never do arithmetic on it. */
export type GlobalPosition = string;

export interface EventMetadata {
  correlationId: string;
  causationId: string | null;
  /** Person or system id that issued the command. */
  actor: string;
  /** ISO-8601 UTC instant at which the event was recorded. */
  recordedAt: string;
  schemaVersion: number;
}

export interface NewEvent {
  /** Unique event id (UUID). Appending the same ids again is an idempotent no-op. */
  id: string;
  type: string;
  data: unknown;
  metadata: Pick<EventMetadata, 'correlationId' | 'actor'> &
    Partial<Pick<EventMetadata, 'causationId' | 'recordedAt' | 'schemaVersion'>>;
}

export interface RecordedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  stream: string;
  /** The stream's version once this event was appended (1 for the first event). */
  version: number;
  position: GlobalPosition;
}

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  /** The stream's version after the append. */
  nextVersion: number;
  /** Global position of the last event of the append. */
  position: GlobalPosition;
}

export interface ReadStreamOptions {
  /** Return events whose version is greater than this (default 0: the whole stream). */
  fromVersion?: number;
  maxCount?: number;
}

export interface EventFilter {
  /** Only events of these types. */
  eventTypes?: readonly string[];
  /** Only events of streams in these categories (the part of the stream name before the first dash). */
  categories?: readonly string[];
}

export interface ReadAllOptions extends EventFilter {
  /** Return events strictly after this position (default: from the beginning). */
  after?: GlobalPosition | null;
  limit?: number;
}

/** Events a subscription hands over at once when its options do not say. */
export const DEFAULT_SUBSCRIPTION_BATCH_SIZE = 500;

export interface SubscribeOptions extends EventFilter {
  /** Checkpoint to resume after (default: from the beginning). */
  after?: GlobalPosition | null;
  /** Maximum events handed to the handler at once (default DEFAULT_SUBSCRIPTION_BATCH_SIZE). */
  batchSize?: number;
}

/**
 * Called with one batch at a time; the next batch is not handed over until the returned promise
 * settles.
 * `checkpoint` is the position to store once the batch is handled; it can come with an empty batch
 * when a filtered subscription skipped events.
 */
export type BatchHandler = (events: RecordedEvent[], checkpoint: GlobalPosition) => Promise<void>;

export interface Subscription {
  /** Stops after the batch in progress, if any. */
  close(): Promise<void>;
  /**
   * Settles when the subscription stops: resolves on close, rejects with the handler's or store's
   * error; an EventStoreUnavailableError when the store could not be reached (transient: a new
   * subscription from the last checkpoint may succeed later).
   */
  readonly done: Promise<void>;
}

/** Every method rejects with an EventStoreUnavailableError when the store cannot be reached now. */
export interface EventStore {
  appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribe(options: SubscribeOptions, handler: BatchHandler): Subscription;
  close(): Promise<void>;
}
