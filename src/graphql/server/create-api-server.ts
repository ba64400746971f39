import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { ApiKeyStore, RequestContext } from '../auth';
import { createFormatError } from '../errors';
import { DEFAULT_QUERY_LIMITS, type QueryLimits, queryLimitRules } from '../limits';
import { compiledQueryExecutor } from './compiled-query-executor';
import { crossOrigin } from './cross-origin';
import { graphqlHttpHandler, keepRawBody } from './graphql-http-handler';
import { attachGraphQLWebSocket } from './graphql-ws-server';
import { healthRoutes } from './health-routes';
import { ListenError } from './listen-error';
import { operationAccessPlugin } from './operation-access-plugin';
import { requestErrorHandler } from './request-error-handler';
import type { ResponseCache } from './response-cache';
import type { ReadinessCheck } from './service-readiness';

export const GRAPHQL_PATH = '/graphql';

export interface ApiServerOptions {
  /** The executable schema (see `buildApiSchema`). */
  schema: GraphQLSchema;
  /** Where API keys are verified. */
  apiKeys: ApiKeyStore;
  /** Masks unknown errors, removes stack traces, turns introspection and the landing page off. */
  production: boolean;
  /** Port to listen on; 0 picks a free one (read it from `url`). */
  port: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Answers `/readyz`. */
  readiness: ReadinessCheck;
  /** Depth, alias and cost limits; default `DEFAULT_QUERY_LIMITS`. */
  limits?: Partial<QueryLimits>;
  /** Largest accepted request body in bytes; default 100 kB. */
  maxBodyBytes?: number;
  /** Receives errors answered as INTERNAL_SERVER_ERROR; default `console.error`. */
  reportInternalError?: (error: unknown) => void;
  /** Keeps whole answers to read-model queries over HTTP; default none. */
  responses?: ResponseCache;
  /** Origins whose browser pages may call the API (CORS); default none. */
  corsOrigins?: readonly string[];
}

export interface ApiServer {
  /** `http://<host>:<port>/graphql` (also the websocket endpoint, with `ws:`). */
  readonly url: string;
  /** Stops accepting requests, lets running ones finish, closes websockets. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 100_000;

/** GraphQL over HTTP (Apollo Server 5 on express 5) and websocket (graphql-ws), plus health routes. */
export const createApiServer = async ({
  schema,
  apiKeys,
  production,
  port,
  host = '127.0.0.1',
  readiness,
  limits = {},
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  reportInternalError = (error) => console.error(error),
  responses,
  corsOrigins = [],
}: ApiServerOptions): Promise<ApiServer> => {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const formatError = createFormatError({ production, reportInternalError });
  const validationRules = queryLimitRules({ ...DEFAULT_QUERY_LIMITS, ...limits });
  let webSocket: { dispose: () => Promise<void> } | null = null;

  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledQueryExecutor(schema, responses),
    formatError,
    validationRules,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        serverWillStart: () =>
          Promise.resolve({ drainServer: async () => await webSocket?.dispose() }),
      },
      operationAccessPlugin(),
      // No cache hints are set; without this plugin Apollo wraps every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use(healthRoutes(readiness, production));
  app.use(
    GRAPHQL_PATH,
    crossOrigin(corsOrigins),
    express.json({ limit: maxBodyBytes, verify: keepRawBody }),
    graphqlHttpHandler(apollo, apiKeys, responses),
  );
  app.use(requestErrorHandler(maxBodyBytes));

  try {
    httpServer.listen(port, host);
    await once(httpServer, 'listening');
  } catch (error) {
    // The listen error is the one to report; stopping what started must not replace it.
    await apollo.stop().catch(() => undefined);
    throw new ListenError(host, port, error);
  }
  // Attached once listening: graphql-ws would log a listen error of the HTTP server as its own.
  webSocket = attachGraphQLWebSocket({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    apiKeys,
    production,
    validationRules,
    formatError,
    maxMessageBytes: maxBodyBytes,
  });
  const address = httpServer.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}${GRAPHQL_PATH}`,
    close: () => apollo.stop(),
  };
};
