import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
} from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors';

/**
 * The client's errors for a server it cannot reach now: gRPC UNAVAILABLE (a server down or
 * restarting, a connection lost; the client also reports a write to a closed connection so),
 * DEADLINE_EXCEEDED, ABORTED (the server's own timeout), CANCELLED by the server (it shuts down),
 * and a node that is no longer the leader. The client drops its channel on these and reconnects on
 * the next call. Anything else (access denied, a bad argument, a deleted stream) is not transient.
 */
export const isTransientFailure = (error: unknown): boolean =>
  error instanceof UnavailableError ||
  error instanceof DeadlineExceededError ||
  error instanceof TimeoutError ||
  error instanceof CancelledError ||
  error instanceof NotLeaderError;

/** `error` as the port's EventStoreUnavailableError when it is transient, else unchanged. */
export const asPortFailure = (error: unknown): unknown =>
  isTransientFailure(error) ? new EventStoreUnavailableError({ cause: error }) : error;
