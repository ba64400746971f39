import { ApiError } from './api-error';
import { ErrorCode } from './error-code';

export class NotFoundError extends ApiError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });
  }
}
