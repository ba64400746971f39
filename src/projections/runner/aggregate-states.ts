import { type EventStore, RecentlyStored, type RecordedEvent } from '../../eventstore';

/** How a projection folds one aggregate's stream into a state (the domain's `evolve`). */
export interface AggregateFold<S = unknown> {
  /** The stream category it folds (`certificate` for `certificate-<id>`). */
  readonly category: string;
  initial(): S;
  evolve(state: S, event: { type: string; data: unknown }): S;
}

/** A stream's folded state and the version it reached (0: no events). */
export interface StreamState<S> {
  readonly state: S;
  readonly version: number;
}

/** The states a batch's projections read: each stream as of the batch's checkpoint. */
export interface BatchStates {
  /** Throws when the stream was neither in the batch nor asked for by `streamsToFold`. */
  of<S>(fold: AggregateFold<S>, id: string): StreamState<S>;
}

/** What one batch needs folded. */
export interface PrepareOptions {
  /**
   * The folds the batch's projections read (default: every fold): a replay of some projections
   * only, such as `rebuild organisations`, folds no aggregate the others alone would read.
   */
  folds?: readonly AggregateFold[];
  /** Streams outside the batch to fold too, named from the batch's states. */
  extra?: (states: BatchStates) => Iterable<string>;
}

/** States kept for the streams folded lately (least recently used dropped first). */
const DEFAULT_CACHED_STREAMS = 2000;

/** Streams read at once when a batch needs states the cache does not hold. */
const CONCURRENT_READS = 16;

const categoryOf = (stream: string): string => stream.slice(0, stream.indexOf('-'));

/** The stream of aggregate `id` that `fold` folds. */
export const foldedStream = (fold: AggregateFold<unknown>, id: string): string =>
  `${fold.category}-${id}`;

/**
 * Folds aggregate streams for the projections, once per batch whichever projections read them,
 * from the event log itself: no projection keeps a private copy of aggregate states. The states
 * kept between batches are current up to the last batch's checkpoint (`horizon`), so a stream
 * the next batch continues needs no read; a batch that does not follow on (a retry after a failed
 * batch, a replay) starts from an empty cache.
 */
export class AggregateStates {
  private readonly folds: ReadonlyMap<string, AggregateFold>;
  private readonly cache: RecentlyStored<string, StreamState<unknown>>;
  private horizon: string | null = null;

  constructor(
    private readonly store: EventStore,
    folds: readonly AggregateFold[],
    cachedStreams = DEFAULT_CACHED_STREAMS,
  ) {
    this.cache = new RecentlyStored(cachedStreams);
    this.folds = new Map(folds.map((fold) => [fold.category, fold]));
  }

  /**
   * Folds the streams of `events` (the batch read after position `after`, up to `checkpoint`),
   * then the `extra` streams that the batch's states name, each as of `checkpoint`. A kept state
   * of a stream the batch continues without folding it is dropped: it is no longer current.
   */
  async prepare(
    events: readonly RecordedEvent[],
    after: string | null,
    checkpoint: string,
    { folds, extra = () => [] }: PrepareOptions = {},
  ): Promise<BatchStates> {
    if (after !== this.horizon) this.cache.clear();
    this.horizon = null;
    const categories = new Set(folds?.map((fold) => fold.category) ?? this.folds.keys());
    const folded = (stream: string): boolean => categories.has(categoryOf(stream));
    const states = new Map<string, StreamState<unknown>>();
    const missing = new Set<string>();
    for (const event of events) {
      const { stream } = event;
      if (states.has(stream) || missing.has(stream)) continue;
      if (!folded(stream)) {
        this.cache.delete(stream);
        continue;
      }
      const cached = this.cache.get(stream);
      if (cached?.version === event.version - 1) states.set(stream, cached);
      else if (event.version === 1) states.set(stream, this.initial(stream));
      else missing.add(stream);
    }
    await this.read([...missing], checkpoint, states);
    for (const event of events) {
      const current = states.get(event.stream);
      if (!current || event.version <= current.version) continue;
      states.set(event.stream, this.evolve(event, current));
    }
    const batch: BatchStates = {
      of: <S>(fold: AggregateFold<S>, id: string): StreamState<S> => {
        const stream = foldedStream(fold, id);
        const state = states.get(stream);
        if (!state) throw new Error(`the state of ${stream} was not folded for this batch`);
        return state as StreamState<S>;
      },
    };
    const more = [...new Set(extra(batch))].filter((stream) => {
      if (states.has(stream) || !folded(stream)) return false;
      const cached = this.cache.get(stream);
      if (cached) states.set(stream, cached);
      return !cached;
    });
    await this.read(more, checkpoint, states);
    for (const [stream, state] of states) this.cache.set(stream, state);
    this.horizon = checkpoint;
    return batch;
  }

  /**
   * Reads and folds each stream up to `checkpoint` (the batch's own events are folded after it),
   * a few streams at a time: only their events are held in memory at once.
   */
  private async read(
    streams: readonly string[],
    checkpoint: string,
    into: Map<string, StreamState<unknown>>,
  ): Promise<void> {
    for (let start = 0; start < streams.length; start += CONCURRENT_READS) {
      const chunk = streams.slice(start, start + CONCURRENT_READS);
      const read = await Promise.all(chunk.map((stream) => this.store.readStream(stream)));
      chunk.forEach((stream, index) => {
        let state = this.initial(stream);
        for (const event of read[index] ?? []) {
          if (event.position > checkpoint) break;
          state = this.evolve(event, state);
        }
        into.set(stream, state);
      });
    }
  }

  private initial(stream: string): StreamState<unknown> {
    return { state: this.fold(stream).initial(), version: 0 };
  }

  private evolve(event: RecordedEvent, current: StreamState<unknown>): StreamState<unknown> {
    const state = this.fold(event.stream).evolve(current.state, event);
    return { state, version: event.version };
  }

  private fold(stream: string): AggregateFold {
    const fold = this.folds.get(categoryOf(stream));
    if (!fold) throw new Error(`no fold for the stream ${stream}`);
    return fold;
  }
}
