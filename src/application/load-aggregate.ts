import type { Decider, DomainCommand, DomainEvent } from '../domain';
import { type EventStore, RecentlyStored } from '../eventstore';

export interface LoadedAggregate<State> {
  state: State;
  /** The stream's version: number of events folded (0 = no stream). */
  version: number;
}

/** Streams whose folded state is kept per store (least recently loaded dropped first). */
const CACHED_STREAMS = 1000;

/**
 * The states folded lately, per store: a stream's events never change, so a state folded up to
 * version n only needs the events after n. Reading them again (even none) keeps every load
 * current with appends from anywhere, other processes included.
 */
const folded = new WeakMap<EventStore, RecentlyStored<string, LoadedAggregate<unknown>>>();

const foldedIn = (store: EventStore): RecentlyStored<string, LoadedAggregate<unknown>> => {
  let streams = folded.get(store);
  if (!streams) {
    streams = new RecentlyStored(CACHED_STREAMS);
    folded.set(store, streams);
  }
  return streams;
};

/** Folds the stream through the decider's `evolve`, from the last state folded for it, if any. */
export const loadAggregate = async <
  State,
  Command extends DomainCommand,
  Event extends DomainEvent,
>(
  store: EventStore,
  stream: string,
  decider: Decider<State, Command, Event>,
): Promise<LoadedAggregate<State>> => {
  const streams = foldedIn(store);
  const known = streams.get(stream) as LoadedAggregate<State> | undefined;
  const events = await store.readStream(stream, { fromVersion: known?.version ?? 0 });
  const state = events.reduce(
    (current, event) => decider.evolve(current, { type: event.type, data: event.data } as Event),
    known?.state ?? decider.initialState(),
  );
  const loaded = { state, version: events.at(-1)?.version ?? known?.version ?? 0 };
  if (loaded.version > 0) streams.set(stream, loaded);
  else streams.delete(stream);
  return loaded;
};
