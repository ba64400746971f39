import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { assertOperationAllowed, type RequestContext } from '../auth';

/**
 * Before any resolver runs: refuses operations a caller without an API key may not run, and
 * subscriptions, which HTTP cannot carry (they are served over graphql-ws on the same path).
 */
export const operationAccessPlugin = (): ApolloServerPlugin<RequestContext> => ({
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ schema, document, operation, contextValue }) {
        if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
          throw new GraphQLError(
            'subscriptions are served over a websocket (graphql-ws protocol) on this path, not over HTTP',
            { extensions: { code: ApolloServerErrorCode.BAD_REQUEST, http: { status: 400 } } },
          );
        }
        if (operation) assertOperationAllowed(schema, document, operation, contextValue.principal);
        return Promise.resolve();
      },
    });
  },
});
