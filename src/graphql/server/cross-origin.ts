import type { RequestHandler } from 'express';

/** What a browser page of an allowed origin may send: the key, JSON, Apollo's CSRF headers. */
const ALLOWED_HEADERS =
  'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';

/**
 * CORS for the GraphQL path: a page served from one of `origins` (exact `scheme://host[:port]`)
 * may call the API from a browser with its API key. Other origins get no CORS headers, so browsers
 * keep their pages from reading the answers. Preflights (OPTIONS) are answered here, 204.
 */
export const crossOrigin = (origins: readonly string[]): RequestHandler => {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    if (origin !== undefined && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
      }
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
};
