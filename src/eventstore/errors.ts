import type { ExpectedVersion } from './event-store';

/** The stream was not at the expected version. `actual` is the stream's version (0: no stream). */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(
      `stream ${stream} was expected at version ${String(expected)} but is at version ${actual}`,
    );
  }
}

export const isConcurrencyError = (error: unknown): error is ConcurrencyError =>
  error instanceof ConcurrencyError;

/** Bad input to the event store: nothing was written. */
export class InvalidEventStoreInputError extends Error {
  override readonly name = 'InvalidEventStoreInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** An event id of the append is already used by a different event. Nothing was written. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly eventId: string,
    readonly stream: string,
  ) {
    super(`event id ${eventId} is already used by another event (append to ${stream})`);
  }
}

/**
 * The event store could not be reached (its server is down, restarting, electing a leader, or
 * dropped the connection). Transient: the same call may succeed later. An append that failed
 * this way may or may not have been written; appending the same event ids again is safe.
 */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(options: { cause: unknown }) {
    super(
      `the event store is unreachable: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`,
      options,
    );
  }
}

export const isEventStoreUnavailable = (error: unknown): error is EventStoreUnavailableError =>
  error instanceof EventStoreUnavailableError;
