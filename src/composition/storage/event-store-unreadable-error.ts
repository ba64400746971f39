import { UnavailableError } from '@eventstore/db-client';

/**
 * The configured EventStoreDB address answered, but not with the log: another server listens
 * there, or the connection's user may not read `$all`. The message is the first line of the
 * client's error.
 */
export class EventStoreUnreadableError extends Error {
  override readonly name = 'EventStoreUnreadableError';
  constructor(cause: unknown) {
    super(String(cause instanceof Error ? cause.message : cause).split('\n')[0], { cause });
  }
}

/** Why reading the log at start failed: a server that does not answer stays an UnavailableError. */
export const unreadableEventStore = (error: unknown): unknown =>
  error instanceof UnavailableError ? error : new EventStoreUnreadableError(error);
