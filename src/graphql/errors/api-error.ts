import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-code';

/**
 * An error the API answers with as it is: its message and extensions are safe to show to clients.
 * `httpStatus`, when given, becomes the HTTP status of the response (Apollo reads `extensions.http`).
 */
export abstract class ApiError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
    httpStatus?: number,
  ) {
    super(message, {
      extensions: {
        code,
        ...extensions,
        ...(httpStatus === undefined ? {} : { http: { status: httpStatus } }),
      },
    });
    this.name = new.target.name;
  }
}
