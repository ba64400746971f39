import { ApiError } from './api-error';
import { ErrorCode } from './error-code';

export class UnauthenticatedError extends ApiError {
  constructor(message = 'authentication required: send "Authorization: Bearer <API key>"') {
    super(ErrorCode.UNAUTHENTICATED, message, {}, 401);
  }
}
