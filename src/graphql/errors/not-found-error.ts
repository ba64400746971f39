import { ApiError } from './api-error';
import { ErrorCode } from './error-code';

/** `field`: the argument that named the missing object, when it was a filter rather than the id asked for. */
export class NotFoundError extends ApiError {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly field?: string,
  ) {
    super(
      ErrorCode.NOT_FOUND,
      `${entity} ${id} was not found`,
      field === undefined ? { entity, id } : { entity, id, field },
    );
  }
}
