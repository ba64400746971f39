import type { GlobalPosition } from '../../eventstore';

/**
 * An operation whose check reads the read models was not run: they did not reach the append of
 * the operation before it under the same key in time. Nothing was written.
 */
export class ReadModelsBehindError extends Error {
  override readonly name = 'ReadModelsBehindError';
  constructor(
    readonly position: GlobalPosition,
    cause: unknown,
  ) {
    super(
      `the read models did not reach event position ${position}, the change sent just before ` +
        'this one, in time to check this one against it: nothing was recorded; send it again shortly',
      { cause },
    );
  }
}
