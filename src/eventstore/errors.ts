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
