import type { Server } from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  assertOperationAllowed,
  type ApiKeyStore,
  type Principal,
  principalFromAuthorization,
} from '../auth';
import type { FormatError } from '../errors';

export interface GraphQLWebSocketOptions {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  apiKeys: ApiKeyStore;
  production: boolean;
  validationRules: readonly ValidationRule[];
  formatError: FormatError;
}

interface ConnectionExtra extends Record<PropertyKey, unknown> {
  principal: Principal | null;
}

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
 * "Bearer <key>"), limits, access rule and error formatting as HTTP. A bad key closes the socket
 * with 4403. Returns the disposer that closes every socket.
 */
export const attachGraphQLWebSocket = ({
  httpServer,
  path,
  schema,
  apiKeys,
  production,
  validationRules,
  formatError,
}: GraphQLWebSocketOptions): { dispose: () => Promise<void> } => {
  const wsServer = new WebSocketServer({ server: httpServer, path });
  const rules = [
    ...specifiedRules,
    ...validationRules,
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error.toJSON(), error));

  const cleanup = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      isProd: production,
      onConnect(ctx) {
        const header = ctx.connectionParams?.authorization;
        try {
          ctx.extra.principal = principalFromAuthorization(
            apiKeys,
            typeof header === 'string' ? header : undefined,
          );
          return true;
        } catch (error) {
          ctx.extra.socket.close(4403, `UNAUTHENTICATED: ${(error as Error).message}`);
          return false;
        }
      },
      onSubscribe(ctx, _id, payload) {
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
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: { principal },
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
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
