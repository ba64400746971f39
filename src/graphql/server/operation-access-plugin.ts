import type { ApolloServerPlugin } from '@apollo/server';
import { assertOperationAllowed, type RequestContext } from '../auth';

/** Refuses operations a caller without an API key may not run, before any resolver runs. */
export const operationAccessPlugin = (): ApolloServerPlugin<RequestContext> => ({
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ schema, document, operation, contextValue }) {
        if (operation) assertOperationAllowed(schema, document, operation, contextValue.principal);
        return Promise.resolve();
      },
    });
  },
});
