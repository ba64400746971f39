import {
  type GlobalPosition,
  PositionWaitStoppedError,
  PositionWaitTimeoutError,
} from '../../eventstore';
import { keyedQueue } from './keyed-queue';
import type { OperationResult } from './operation-result';
import { ReadModelsBehindError } from './read-models-behind-error';

/**
 * Runs operations one at a time per key, each until the read models hold its append, so that the
 * next one's check, which reads them, sees it. When that wait fails (a timeout, also one of an
 * operation queued inside it), the next one waits for that append first, and is refused with
 * ReadModelsBehindError, writing nothing, if the read models still do not hold it.
 */
export const readModelQueue = (readModelsReached: (position: GlobalPosition) => Promise<void>) => {
  const queue = keyedQueue();
  const unseen = new Map<string, GlobalPosition>();
  const reached = async (key: string, position: GlobalPosition) => {
    unseen.set(key, position);
    await readModelsReached(position);
    unseen.delete(key);
  };
  return <T extends OperationResult>(key: string, work: () => Promise<T>): Promise<T> =>
    queue(key, async () => {
      const before = unseen.get(key);
      if (before !== undefined) {
        await reached(key, before).catch((error: unknown) => {
          throw error instanceof PositionWaitStoppedError
            ? error
            : new ReadModelsBehindError(before, error);
        });
      }
      const result = await work().catch((error: unknown) => {
        if (error instanceof PositionWaitTimeoutError) unseen.set(key, error.position);
        throw error;
      });
      if (result.position !== null) await reached(key, result.position);
      return result;
    });
};
