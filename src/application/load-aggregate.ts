import type { Decider, DomainCommand, DomainEvent } from '../domain';
import type { EventStore } from '../eventstore';

export interface LoadedAggregate<State> {
  state: State;
  /** The stream's version: number of events folded (0 = no stream). */
  version: number;
}

/** Folds a whole stream through the decider's `evolve`. */
export const loadAggregate = async <
  State,
  Command extends DomainCommand,
  Event extends DomainEvent,
>(
  store: EventStore,
  stream: string,
  decider: Decider<State, Command, Event>,
): Promise<LoadedAggregate<State>> => {
  const events = await store.readStream(stream);
  const state = events.reduce(
    (current, event) => decider.evolve(current, { type: event.type, data: event.data } as Event),
    decider.initialState(),
  );
  return { state, version: events.at(-1)?.version ?? 0 };
};
