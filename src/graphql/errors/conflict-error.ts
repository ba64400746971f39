import { ApiError } from './api-error';
import { ErrorCode } from './error-code';

/** The object changed since the caller read it; `currentVersion` is its version now. */
export class ConflictError extends ApiError {
  constructor(
    readonly currentVersion: number,
    message = `the object was changed meanwhile; it is now at version ${currentVersion}`,
    /** The object's GraphQL type and id, when the error names one. */
    object?: { entity: string; id: string },
  ) {
    super(ErrorCode.CONFLICT, message, { currentVersion, ...object });
  }
}
