import type { ReconnectBackoff, ReconnectOptions, Reconnecting } from '../eventstore';
import type { ServiceHealth } from './service-health';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The reconnect options of each component that follows the log: it waits as configured
 * (`backoff`), readiness reports its reconnection, and the log gets one line when it loses the
 * event store and one when it follows the log again (none per failed attempt).
 */
export const reconnectReporting =
  (health: ServiceHealth, log: (line: string) => void, backoff: ReconnectBackoff) =>
  (component: string): ReconnectOptions => {
    let lost: Reconnecting | null = null;
    return {
      backoff,
      onReconnecting: (state) => {
        health.reconnecting(component, state);
        if (state !== null && lost === null) {
          log(
            `certcycle: ${component} lost the event store (${messageOf(state.lastError.cause)}); ` +
              'reconnecting',
          );
        }
        if (state === null && lost !== null) {
          log(
            `certcycle: ${component} follows the event store again ` +
              `(unreachable since ${lost.since.toISOString()}, ${lost.attempts + 1} attempts)`,
          );
        }
        lost = state;
      },
    };
  };
