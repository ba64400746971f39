import { ApiError } from './api-error';
import { ErrorCode } from './error-code';

/** How to send a key, over HTTP and over the graphql-ws websocket. */
export const API_KEY_HINT =
  'send "Authorization: Bearer <API key>" (over the websocket: connectionParams.authorization)';

export class UnauthenticatedError extends ApiError {
  constructor(message = `authentication required: ${API_KEY_HINT}`) {
    super(ErrorCode.UNAUTHENTICATED, message, {}, 401);
  }
}
