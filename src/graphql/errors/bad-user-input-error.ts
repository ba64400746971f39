import { ApiError } from './api-error';
import { ErrorCode } from './error-code';

export class BadUserInputError extends ApiError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(ErrorCode.BAD_USER_INPUT, message, { field });
  }
}
