import { ApiError } from './api-error';
import { ErrorCode } from './error-code';

/**
 * The change was stored, but the read models did not reach it in time, so the answer would be stale.
 */
export class ReadModelTimeoutError extends ApiError {
  constructor(
    readonly position: string,
    readonly waitedMs: number,
  ) {
    super(
      ErrorCode.READ_MODEL_TIMEOUT,
      `the change was stored at position ${position}, but the read models did not reach it within ${waitedMs} ms; query again shortly`,
      { position, waitedMs },
    );
  }
}
