import type { Server } from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  assertOperationAllowed,
  type ApiKeyStore,
  type Principal,
  principalFromAuthorization,
} from '../auth';
import { type FormatError, UnauthenticatedError } from '../errors';

const KEY_REVOKED = 'the API key is not valid or was revoked';

export interface GraphQLWebSocketOptions {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  apiKeys: ApiKeyStore;
  production: boolean;
  validationRules: readonly ValidationRule[];
  formatError: FormatError;
  /** The largest message accepted, in bytes (HTTP's body limit): a larger one closes the socket. */
  maxMessageBytes: number;
}

interface ConnectionExtra extends Record<PropertyKey, unknown> {
  principal: Principal | null;
  /** `connectionParams.authorization`, checked again before each subscription and each result. */
  authorization: string | undefined;
}

const CLOSE_UNAUTHENTICATED = 4403;

/** `connectionParams.authorization`, whatever its case (clients often write `Authorization`). */
const authorizationParam = (params: Readonly<Record<string, unknown>> | undefined): unknown =>
  Object.entries(params ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];

/** The errors with the code Apollo gives the same failure over HTTP (their own extensions kept). */
const withCode = (errors: readonly GraphQLError[], code: string): GraphQLError[] =>
  errors.map(
    (error) =>
      new GraphQLError(error.message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        originalError: error.originalError,
        extensions: { ...error.extensions, code },
      }),
  );

/**
 * graphql-ws on the HTTP server's `path`, with the same API keys (`connectionParams.authorization`,
 * "Bearer <key>"), limits, access rule and error formatting as HTTP (a variable's value that does
 * not fit its type is BAD_USER_INPUT naming it, as Apollo answers). A bad key closes the socket
 * with 4403, also when it is revoked while the socket is open (checked before each subscription
 * and each result); a message over `maxMessageBytes` closes it with 1009 (too big). Returns the
 * disposer that closes every socket.
 */
export const attachGraphQLWebSocket = ({
  httpServer,
  path,
  schema,
  apiKeys,
  production,
  validationRules,
  formatError,
  maxMessageBytes,
}: GraphQLWebSocketOptions): { dispose: () => Promise<void> } => {
  const wsServer = new WebSocketServer({ server: httpServer, path, maxPayload: maxMessageBytes });
  const rules = [
    ...specifiedRules,
    ...validationRules,
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error.toJSON(), error));
  /**
   * Verifies the connection's key (again: a key revoked while the socket is open stops it before
   * the next subscription or result); a bad one closes the socket with 4403.
   */
  const authenticated = (extra: Partial<ConnectionExtra> & { socket: WebSocket }): boolean => {
    try {
      extra.principal = principalFromAuthorization(apiKeys, extra.authorization);
      return true;
    } catch (error) {
      extra.socket.close(CLOSE_UNAUTHENTICATED, `UNAUTHENTICATED: ${(error as Error).message}`);
      return false;
    }
  };

  const cleanup = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      isProd: production,
      onConnect(ctx) {
        const header = authorizationParam(ctx.connectionParams);
        ctx.extra.authorization = typeof header === 'string' ? header : undefined;
        return authenticated(ctx.extra);
      },
      onSubscribe(ctx, _id, payload) {
        if (!authenticated(ctx.extra)) return [new UnauthenticatedError(KEY_REVOKED)];
        const principal = ctx.extra.principal ?? null;
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          const parseError =
            error instanceof GraphQLError ? error : new GraphQLError(String(error));
          return withCode([parseError], ApolloServerErrorCode.GRAPHQL_PARSE_FAILED);
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) {
          return withCode(errors, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED);
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          return withCode(
            [new GraphQLError('Unable to identify the operation to run')],
            ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
          );
        }
        try {
          assertOperationAllowed(schema, document, operation, principal);
        } catch (error) {
          return [error as GraphQLError];
        }
        const variables = getVariableValues(
          schema,
          operation.variableDefinitions ?? [],
          payload.variables ?? {},
        );
        if (variables.errors) {
          return withCode(variables.errors, ApolloServerErrorCode.BAD_USER_INPUT);
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: { principal },
        };
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        if (!authenticated(ctx.extra)) return undefined;
        return result.errors ? { ...result, errors: format(result.errors) } : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wsServer,
  );

  return {
    dispose: async () => {
      await cleanup.dispose();
    },
  };
};
