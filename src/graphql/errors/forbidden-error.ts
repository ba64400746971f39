import { ApiError } from './api-error';
import { ErrorCode } from './error-code';

export class ForbiddenError extends ApiError {
  constructor(message = 'your role does not allow this operation') {
    super(ErrorCode.FORBIDDEN, message);
  }
}
