import type { GraphQLSchema } from 'graphql';
import type { ContainerType } from 'type-graphql';
import type { ApiDependencies } from './api-dependencies';
import { subscriptionResolvers } from './live';
import { mutationResolvers } from './mutations';
import { queryResolvers } from './queries';
import { buildApiSchema } from './schema';

type ResolverClass = new (deps: ApiDependencies) => object;

/** Constructs each resolver class once, with the API's dependencies. */
const resolverContainer = (deps: ApiDependencies): ContainerType => {
  const instances = new Map<ResolverClass, object>();
  return {
    get: (resolverClass: ResolverClass) => {
      let instance = instances.get(resolverClass);
      if (!instance) {
        instance = new resolverClass(deps);
        instances.set(resolverClass, instance);
      }
      return instance;
    },
  };
};

/** The certcycle API: every query, mutation and subscription, wired to `deps`. */
export const buildCertcycleSchema = (deps: ApiDependencies): Promise<GraphQLSchema> =>
  buildApiSchema({
    resolvers: [...queryResolvers, ...mutationResolvers, ...subscriptionResolvers],
    pubSub: deps.pubSub,
    container: resolverContainer(deps),
  });
