import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  isEnumType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  type OperationDefinitionNode,
  typeFromAST,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { ResponseCache } from './response-cache';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** An operation of a document: its definition (for its variables) and its compiled query. */
interface Compiled {
  operation: OperationDefinitionNode | null;
  /** The errors that kept it from compiling, instead, when it did not compile. */
  query: CompiledQuery | ExecutionResult;
  /** Whether `responses` may keep its answers. */
  kept: boolean;
  /** Whether graphql-jit alone may coerce its variables (see `coercedAlike`). */
  coercedAlike: boolean;
}

/**
 * Whether graphql-jit's own coercion of the operation's variables accepts and refuses what
 * graphql-js's does, with the same values: each variable is a built-in scalar or an enum, non-null
 * or not. Input objects differ (graphql-jit leaves their fields' defaults out); custom scalars and
 * lists are left to graphql-js too.
 */
const coercedAlike = (schema: GraphQLSchema, operation: OperationDefinitionNode | null): boolean =>
  (operation?.variableDefinitions ?? []).every((definition) => {
    const declared = typeFromAST(schema, definition.type);
    const type = isNonNullType(declared) ? declared.ofType : declared;
    return isEnumType(type) || (isScalarType(type) && isSpecifiedScalarType(type));
  });

/**
 * graphql-jit's errors lack graphql-js's `nodes` and, without an extension, `extensions`: Apollo
 * and the API's error formatter read both. Each becomes the error graphql-js would have made.
 */
const asGraphQLJsError = (error: GraphQLError): GraphQLError => {
  const converted = new GraphQLError(error.message, {
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
  if (error.locations) Object.defineProperty(converted, 'locations', { value: error.locations });
  return converted;
};

const withGraphQLJsErrors = (result: ExecutionResult): ExecutionResult =>
  result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;

/**
 * Executes operations with graphql-jit: each operation is compiled once into a function
 * specialised to its selection set, then run for every request that sends it. It answers what
 * graphql-js's `execute` answers; a 20-deadline page with its links costs about a quarter less CPU.
 * Variables that graphql-jit coerces as graphql-js does (`coercedAlike`) are coerced by it alone;
 * the others, and those it refuses, by graphql-js first, whose errors are the answer.
 *
 * Apollo Server takes a custom executor only through its gateway interface, so this is a
 * "gateway" that serves one local schema. Parsing, validation (with the query limits), plugins and
 * error formatting stay Apollo's: the executor receives a validated document. Apollo keeps one
 * `DocumentNode` per query text in its document store, so compiled operations are cached by it.
 * With `responses`, it permits that cache to keep the answers it may keep.
 */
export const compiledQueryExecutor = (
  schema: GraphQLSchema,
  responses?: ResponseCache,
): Gateway => {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined): Compiled => {
    let operations = compiled.get(document);
    if (!operations) {
      operations = new Map();
      compiled.set(document, operations);
    }
    const key = operationName ?? '';
    let operation = operations.get(key);
    if (!operation) {
      const definition = getOperationAST(document, operationName) ?? null;
      operation = {
        operation: definition,
        query: compileQuery(schema, document, operationName),
        kept: responses?.keeps(definition) ?? false,
        coercedAlike: coercedAlike(schema, definition),
      };
      operations.set(key, operation);
    }
    return operation;
  };
  return {
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: () =>
      Promise.resolve({
        executor: async ({ document, request, context }) => {
          const { operation, query, kept, coercedAlike } = compiledFor(
            document,
            request.operationName ?? undefined,
          );
          if (!isCompiledQuery(query)) return query;
          const variables = request.variables ?? {};
          let answer = coercedAlike ? await query.query(undefined, context, variables) : null;
          // An answer without `data`: graphql-jit refused the variables and ran nothing.
          if (!answer || !('data' in answer)) {
            // graphql-js coerces the variables: its errors name the variable (Apollo and the
            // formatter answer BAD_USER_INPUT with the field), and graphql-jit leaves input
            // fields' defaults out. graphql-jit's own coercion then accepts the coerced values:
            // every enum's values are its names, and the scalars parse their own output.
            const definitions = operation?.variableDefinitions ?? [];
            const coerced = getVariableValues(schema, definitions, variables);
            if (coerced.errors) return { errors: coerced.errors };
            answer = await query.query(undefined, context, coerced.coerced);
          }
          const result = withGraphQLJsErrors(answer);
          if (responses && kept && !result.errors) responses.permit(context);
          return result;
        },
      }),
    stop: () => Promise.resolve(),
  };
};
