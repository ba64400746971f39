import type { IncomingMessage } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { type ApiKeyStore, principalFromAuthorization, type RequestContext } from '../auth';
import { type HttpAnswer, MAX_KEYED_BODY, type ResponseCache } from './response-cache';

const rawBodies = new WeakMap<IncomingMessage, string>();

/** For `express.json({ verify })`: keeps a short body as sent, which the response cache keys by. */
export const keepRawBody = (req: IncomingMessage, _res: unknown, body: Buffer): void => {
  if (body.length <= MAX_KEYED_BODY) rawBodies.set(req, body.toString('utf8'));
};

const headersOf = (req: Request): HeaderMap => {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
};

/** The query string of the request's URL, with its `?`, without a `#fragment` (empty without one). */
const searchOf = (url: string): string => {
  const hash = url.indexOf('#');
  const path = hash === -1 ? url : url.slice(0, hash);
  const start = path.indexOf('?');
  return start === -1 ? '' : path.slice(start);
};

const send = (res: Response, { status, headers, body }: HttpAnswer): void => {
  for (const [name, value] of headers) res.setHeader(name, value);
  res.statusCode = status;
  res.send(body);
};

/**
 * The request's context (its caller), or the error that says why its Authorization header is
 * refused.
 */
const contextOf = (
  apiKeys: ApiKeyStore,
  req: Request,
  responses?: ResponseCache,
): { context: RequestContext } | { error: Error } => {
  try {
    const principal = principalFromAuthorization(apiKeys, req.headers.authorization);
    return { context: responses ? responses.ticketed({ principal }) : { principal } };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
};

/**
 * Serves GraphQL over HTTP with Apollo Server on express 5, as `@as-integrations/express5` does,
 * plus the response cache: a kept answer is sent without Apollo Server, once the caller's key is
 * verified; the answer to any other request that the executor permits to keep is offered to it.
 * A refused key answers through Apollo Server (its UNAUTHENTICATED error, formatted as any other).
 */
export const graphqlHttpHandler =
  (
    apollo: ApolloServer<RequestContext>,
    apiKeys: ApiKeyStore,
    responses?: ResponseCache,
  ): RequestHandler =>
  async (req, res) => {
    const caller = contextOf(apiKeys, req, responses);
    const context = 'context' in caller ? caller.context : null;
    const request = { method: req.method, rawBody: rawBodies.get(req), accept: req.headers.accept };
    const key = responses && context ? responses.keyOf(request, context.principal) : null;
    const kept = key === null ? undefined : responses?.kept(key);
    if (kept) {
      send(res, kept);
      return;
    }
    const generation = responses?.current() ?? 0;
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers: headersOf(req),
        search: searchOf(req.url),
        body: req.body,
      },
      context: () =>
        'context' in caller ? Promise.resolve(caller.context) : Promise.reject(caller.error),
    });
    if (answer.body.kind === 'complete') {
      const complete = {
        status: answer.status ?? 200,
        headers: [...answer.headers],
        body: answer.body.string,
      };
      send(res, complete);
      if (key !== null && context && complete.status === 200) {
        responses?.offer(key, context, generation, complete);
      }
      return;
    }
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status ?? 200;
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
