import type { ErrorRequestHandler } from 'express';

interface HttpError {
  status?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

/**
 * Answers errors raised before GraphQL runs (body too large, malformed JSON) as GraphQL-shaped JSON
 * with code BAD_REQUEST; anything else is a masked 500.
 */
export const requestErrorHandler =
  (maxBodyBytes: number): ErrorRequestHandler =>
  (error: HttpError, _req, res, _next) => {
    const status = typeof error.status === 'number' ? error.status : 500;
    const message =
      error.type === 'entity.too.large'
        ? `the request body is larger than the limit of ${maxBodyBytes} bytes`
        : status < 500 && error.expose === true && error.message
          ? error.message
          : 'Internal server error';
    const code = status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
