import type { GraphQLSchema } from 'graphql';
import { buildSchema, type BuildSchemaOptions, type PubSub } from 'type-graphql';
import { authChecker } from '../auth';
import { DateTimeScalar } from '../scalars';

export interface ApiSchemaOptions {
  /** Resolver classes. */
  resolvers: BuildSchemaOptions['resolvers'];
  /** Where `@Subscription({ topics })` listens and resolvers publish. */
  pubSub?: PubSub;
  /** Where resolver class instances come from (default: type-graphql's own, `new cls()`). */
  container?: BuildSchemaOptions['container'];
}

/**
 * The type-graphql schema with the API's conventions: `@Authorized(...roles)` checked by
 * `authChecker`, class-validator validation of inputs and args, `Date` values as DateTime.
 */
export const buildApiSchema = ({
  resolvers,
  pubSub,
  container,
}: ApiSchemaOptions): Promise<GraphQLSchema> =>
  buildSchema({
    resolvers,
    ...(pubSub ? { pubSub } : {}),
    ...(container ? { container } : {}),
    authChecker,
    authMode: 'error',
    validate: true,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
