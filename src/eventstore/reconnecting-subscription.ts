import { type EventStoreUnavailableError, isEventStoreUnavailable } from './errors';
import type { Subscription } from './event-store';

/** Waits between reconnection attempts: `initialMs`, doubling each attempt, at most `maxMs`. */
export interface ReconnectBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RECONNECT_BACKOFF: ReconnectBackoff = { initialMs: 500, maxMs: 30_000 };

/** The wait before reconnection attempt `attempt` (the first is 1). */
export const reconnectDelay = (attempt: number, { initialMs, maxMs }: ReconnectBackoff): number =>
  Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));

/** A follower that lost the event store and tries to follow it again. */
export interface Reconnecting {
  /** When the subscription stopped on a transient failure. */
  readonly since: Date;
  /** Failed attempts so far. */
  readonly attempts: number;
  /** The failure that stopped the subscription, then that of the latest attempt. */
  readonly lastError: EventStoreUnavailableError;
}

export interface ReconnectOptions {
  /** Default DEFAULT_RECONNECT_BACKOFF. */
  backoff?: ReconnectBackoff;
  /** Told when the follower starts reconnecting, after each failed attempt, and (null) once back. */
  onReconnecting?: (state: Reconnecting | null) => void;
  /** Stamps `since` (default: the system clock). */
  now?: () => Date;
}

export interface ReconnectingSubscriptionOptions extends ReconnectOptions {
  /** Subscribes from the follower's checkpoint as it stands when called. */
  subscribe: () => Subscription;
  /** Handles every event after the checkpoint up to the end of the log (before following again). */
  catchUp: () => Promise<unknown>;
}

export interface ReconnectingSubscription extends Subscription {
  /** Null while following the log. */
  readonly reconnecting: Reconnecting | null;
}

/**
 * Follows the log through transient failures: when the subscription stops on an
 * EventStoreUnavailableError it waits (capped exponential backoff), catches up from the
 * follower's checkpoint and subscribes again from it, so nothing is skipped and nothing the
 * checkpoint covers is handed over twice. Any other error (a handler's bug, a read model that
 * cannot be written, an event that cannot be decoded) stops it: `done` rejects with it.
 */
export const reconnectingSubscription = (
  options: ReconnectingSubscriptionOptions,
): ReconnectingSubscription => {
  const backoff = options.backoff ?? DEFAULT_RECONNECT_BACKOFF;
  const now = options.now ?? (() => new Date());
  let current = options.subscribe();
  let reconnecting: Reconnecting | null = null;
  let closed = false;
  let catchingUp: Promise<unknown> = Promise.resolve();
  let wake = (): void => undefined;

  const report = (state: Reconnecting | null): void => {
    reconnecting = state;
    options.onReconnecting?.(state);
  };
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Resolves once following again; false when closed meanwhile. */
  const reconnect = async (lost: Reconnecting): Promise<boolean> => {
    let state = lost;
    report(state);
    for (let attempt = 1; ; attempt++) {
      await pause(reconnectDelay(attempt, backoff));
      if (closed) return false;
      try {
        catchingUp = options.catchUp();
        await catchingUp;
        if (closed) return false;
        current = options.subscribe();
        report(null);
        return true;
      } catch (error) {
        if (!isEventStoreUnavailable(error)) throw error;
        state = { ...state, attempts: attempt, lastError: error };
        report(state);
      }
    }
  };

  const follow = async (): Promise<void> => {
    for (;;) {
      try {
        await current.done;
        return;
      } catch (error) {
        if (closed) return;
        if (!isEventStoreUnavailable(error)) throw error;
        if (!(await reconnect({ since: now(), attempts: 0, lastError: error }))) return;
      }
    }
  };

  const done = follow();
  done.catch(() => undefined);
  return {
    done,
    get reconnecting() {
      return reconnecting;
    },
    close: async () => {
      closed = true;
      wake();
      await current.close();
      await catchingUp.catch(() => undefined);
    },
  };
};
