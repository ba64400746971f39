import { randomUUID } from 'node:crypto';
import type { Decider, DomainCommand, DomainEvent } from '../domain';
import { ConcurrencyError, type EventStore, isConcurrencyError } from '../eventstore';
import type { Clock } from './clock';
import { loadAggregate } from './load-aggregate';

/** Who asked and why: becomes the events' envelope metadata. */
export interface CommandContext {
  actor: string;
  correlationId?: string;
  causationId?: string | null;
}

export interface HandleCommandOptions {
  /** Pin the version the caller last saw; a conflict is then surfaced, never retried. */
  expectedVersion?: number;
  /** Attempts when the version is not pinned (default 3). */
  maxAttempts?: number;
}

export interface CommandResult<State, Event> {
  events: Event[];
  state: State;
  /** The stream's version after the command. */
  version: number;
  /** Global position of the last appended event (null when the command produced no events). */
  position: string | null;
}

export interface CommandHandlerDependencies {
  store: EventStore;
  clock: Clock;
  newId?: () => string;
}

/**
 * Load the stream, decide, append with the loaded version as expected version. On a conflict,
 * reload and decide again, a bounded number of times, unless the caller pinned a version.
 */
export const commandHandler =
  ({ store, clock, newId = randomUUID }: CommandHandlerDependencies) =>
  async <State, Command extends DomainCommand, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    stream: string,
    command: Command,
    context: CommandContext,
    options: HandleCommandOptions = {},
  ): Promise<CommandResult<State, Event>> => {
    const maxAttempts = options.expectedVersion === undefined ? (options.maxAttempts ?? 3) : 1;
    const correlationId = context.correlationId ?? newId();
    for (let attempt = 1; ; attempt++) {
      const { state, version } = await loadAggregate(store, stream, decider);
      if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
        throw new ConcurrencyError(stream, options.expectedVersion, version);
      }
      const events = decider.decide(command, state);
      const nextState = events.reduce((current, event) => decider.evolve(current, event), state);
      if (events.length === 0) return { events, state, version, position: null };
      const recordedAt = clock.now().toISOString();
      try {
        const result = await store.appendToStream(
          stream,
          events.map((event) => ({
            id: newId(),
            type: event.type,
            data: event.data,
            metadata: {
              correlationId,
              causationId: context.causationId ?? null,
              actor: context.actor,
              recordedAt,
            },
          })),
          { expectedVersion: version },
        );
        return { events, state: nextState, version: result.nextVersion, position: result.position };
      } catch (error) {
        if (!isConcurrencyError(error) || attempt >= maxAttempts) throw error;
      }
    }
  };
