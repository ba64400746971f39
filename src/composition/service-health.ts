import type { Reconnecting } from '../eventstore';
import type { ServiceReadiness } from '../graphql';

/** What readiness looks at in the projection runner. */
export interface LiveFollower {
  readonly isLive: boolean;
  readonly error: unknown;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const reconnectingReason = (component: string, state: Reconnecting): string =>
  `${component} is reconnecting to the event store since ${state.since.toISOString()} ` +
  `(${state.attempts} failed attempts; last error: ${messageOf(state.lastError.cause)})`;

/**
 * `/readyz`: not ready while starting (opening the store, catching up, seeding), while a component
 * that follows the log reconnects to the event store, when the projection runner is not live, and
 * for good once a component that follows the log has failed.
 * It answers from the moment the server listens, before the projection runner exists (`follow`).
 */
export class ServiceHealth {
  private stage: string | null = 'starting';
  private failure: string | null = null;
  private projections: LiveFollower | null = null;
  private readonly reconnects = new Map<string, Reconnecting>();

  /** The projection runner whose state readiness reports from now on. */
  follow(projections: LiveFollower): void {
    this.projections = projections;
  }

  /** Names what start-up is doing now. */
  starting(stage: string): void {
    this.stage = stage;
  }

  started(): void {
    this.stage = null;
  }

  failed(component: string, error: unknown): void {
    this.failure ??= `${component} stopped: ${messageOf(error)}`;
  }

  /** Records that `component` reconnects to the event store (null: it follows the log again). */
  reconnecting(component: string, state: Reconnecting | null): void {
    if (state === null) this.reconnects.delete(component);
    else this.reconnects.set(component, state);
  }

  get failureReason(): string | null {
    return this.failure;
  }

  readonly readiness = (): ServiceReadiness => {
    if (this.failure !== null) return { ready: false, reason: this.failure };
    if (this.projections !== null && this.projections.error !== null) {
      return {
        ready: false,
        reason: `the projection runner stopped: ${messageOf(this.projections.error)}`,
      };
    }
    if (this.stage !== null) return { ready: false, reason: this.stage };
    if (this.reconnects.size > 0) {
      const reasons = [...this.reconnects].map(([component, state]) =>
        reconnectingReason(component, state),
      );
      return { ready: false, reason: reasons.join('; ') };
    }
    if (!this.projections?.isLive) return { ready: false, reason: 'the projections are not live' };
    return { ready: true };
  };
}
