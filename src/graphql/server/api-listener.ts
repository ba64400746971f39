import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express, { type RequestHandler, Router } from 'express';
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

/** Where and how the API server listens, known before the API itself exists. */
export interface ApiListenOptions {
  /** Port to listen on; 0 picks a free one (read it from `url`). */
  port: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Answers `/readyz`, from the moment the server listens. */
  readiness: ReadinessCheck;
  /** Masks unknown errors, removes stack traces, turns introspection and the landing page off. */
  production: boolean;
  /** Largest accepted request body in bytes; default 100 kB. */
  maxBodyBytes?: number;
  /**
   * Origins whose browser pages may call the API (CORS); default none. From the moment the server
   * listens, so that such a page can read the 503 answered until the API is served.
   */
  corsOrigins?: readonly string[];
}

/** The GraphQL API a listener serves. */
export interface ApiOptions {
  /** The executable schema (see `buildApiSchema`). */
  schema: GraphQLSchema;
  /** Where API keys are verified. */
  apiKeys: ApiKeyStore;
  /** Depth, alias and cost limits; default `DEFAULT_QUERY_LIMITS`. */
  limits?: Partial<QueryLimits>;
  /** Receives errors answered as INTERNAL_SERVER_ERROR; default `console.error`. */
  reportInternalError?: (error: unknown) => void;
  /** Keeps whole answers to read-model queries over HTTP; default none. */
  responses?: ResponseCache;
}

export interface ApiServer {
  /** `http://<host>:<port>/graphql` (also the websocket endpoint, with `ws:`). */
  readonly url: string;
  /** Stops accepting requests, lets running ones finish, closes websockets. */
  close(): Promise<void>;
}

/** A server that listens and answers the health routes, and serves GraphQL once given it. */
export interface ApiListener extends ApiServer {
  /** Serves GraphQL over HTTP and websocket on `/graphql` (once). */
  serve(api: ApiOptions): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 100_000;

/** `/graphql` before the API is served: the service is not ready yet (see `/readyz`). */
const notServedYet: RequestHandler = (_req, res) => {
  res.status(503).json({
    errors: [
      {
        message: 'the service is starting: try again once /readyz answers 200',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
    ],
  });
};

/**
 * Listens on the host and port first, so a port in use is found before anything else is opened or
 * written: `/healthz` answers at once, `/readyz` as `readiness` says, and `/graphql` answers 503
 * until `serve` is given the API (Apollo Server 5 on express 5, graphql-ws on the same path).
 */
export const listenForApi = async ({
  port,
  host = '127.0.0.1',
  readiness,
  production,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  corsOrigins = [],
}: ApiListenOptions): Promise<ApiListener> => {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  let graphqlRoute: RequestHandler = notServedYet;
  app.use(healthRoutes(readiness, production));
  app.use(GRAPHQL_PATH, crossOrigin(corsOrigins), (req, res, next) => graphqlRoute(req, res, next));
  app.use(requestErrorHandler(maxBodyBytes));

  try {
    httpServer.listen(port, host);
    await once(httpServer, 'listening');
  } catch (error) {
    throw new ListenError(host, port, error);
  }
  const address = httpServer.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let apollo: ApolloServer<RequestContext> | null = null;
  const stopListening = () =>
    new Promise<void>((resolve, reject) => {
      httpServer.close((error) => (error ? reject(error) : resolve()));
      httpServer.closeAllConnections();
    });

  const serve = async ({
    schema,
    apiKeys,
    limits = {},
    reportInternalError = (error) => console.error(error),
    responses,
  }: ApiOptions): Promise<void> => {
    const formatError = createFormatError({ production, reportInternalError });
    const validationRules = queryLimitRules({ ...DEFAULT_QUERY_LIMITS, ...limits });
    let webSocket: { dispose: () => Promise<void> } | null = null;
    const server = new ApolloServer<RequestContext>({
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
    await server.start();
    apollo = server;
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
    graphqlRoute = Router().use(
      express.json({ limit: maxBodyBytes, verify: keepRawBody }),
      graphqlHttpHandler(server, apiKeys, responses),
    );
  };

  return {
    url: `http://${urlHost}:${address.port}${GRAPHQL_PATH}`,
    serve,
    close: () => (apollo ? apollo.stop() : stopListening()),
  };
};
