import { PositionWaitTimeoutError } from '../../eventstore';

/** The read models did not reach a position in time: the answer would have been stale. */
export class ReadModelTimeoutError extends PositionWaitTimeoutError {
  override readonly name = 'ReadModelTimeoutError';
  constructor(position: string, timeoutMs: number) {
    super(position, timeoutMs, 'the read models');
    this.message += '; the change is recorded, but queries may not show it yet';
  }
}
