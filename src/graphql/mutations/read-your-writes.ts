import { performance } from 'node:perf_hooks';
import { certificateStreamName } from '../../domain';
import { PositionWaitTimeoutError } from '../../eventstore';
import type { ApiDependencies, PositionFollower } from '../api-dependencies';
import { ReadModelTimeoutError } from '../errors';

type Dependencies = Pick<
  ApiDependencies,
  'projections' | 'certificationOutcome' | 'eventLog' | 'readYourWritesTimeoutMs'
>;

/**
 * Waits until the read models show a mutation's append, within `readYourWritesTimeoutMs` in all.
 * A timeout is READ_MODEL_TIMEOUT: the change is recorded but not yet visible.
 */
export class ReadYourWrites {
  constructor(private readonly deps: Dependencies) {}

  /** The projections reached `position` (null: nothing was appended, nothing to wait for). */
  async visible(position: string | null): Promise<void> {
    if (position === null) return;
    const deadline = this.deadline(position);
    await deadline.wait(this.deps.projections, position);
  }

  /**
   * A granted decision: the reactor acted on the grant at `position`, and the projections reached
   * the certificate event it appended (the certificate stream's last event once the reactor is done).
   */
  async certificateVisible(position: string, certificateId: string): Promise<void> {
    const deadline = this.deadline(position);
    await deadline.wait(this.deps.certificationOutcome, position);
    const last = (await this.deps.eventLog.readStream(certificateStreamName(certificateId))).at(-1);
    const target = last && last.position > position ? last.position : position;
    await deadline.wait(this.deps.projections, target);
  }

  private deadline(position: string) {
    const budget = this.deps.readYourWritesTimeoutMs;
    const start = performance.now();
    return {
      wait: async (follower: PositionFollower, target: string): Promise<void> => {
        const remaining = Math.max(0, Math.floor(budget - (performance.now() - start)));
        try {
          await follower.waitFor(target, remaining);
        } catch (error) {
          if (error instanceof PositionWaitTimeoutError) {
            throw new ReadModelTimeoutError(position, budget);
          }
          throw error;
        }
      },
    };
  }
}
