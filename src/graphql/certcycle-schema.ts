import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import type { ContainerType } from 'type-graphql';
import type { ApiDependencies } from './api-dependencies';
import { requireKnownOrganisations, subscriptionResolvers } from './live';
import { mutationResolvers } from './mutations';
import { queryResolvers } from './queries';
import { buildApiSchema } from './schema';
import { createInMemoryPubSub } from './subscriptions';
import { webhookResolvers } from './webhooks';

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
export const buildCertcycleSchema = async (deps: ApiDependencies): Promise<GraphQLSchema> =>
  requireKnownOrganisations(
    await buildApiSchema({
      resolvers: [
        ...queryResolvers,
        ...mutationResolvers,
        ...subscriptionResolvers,
        ...webhookResolvers,
      ],
      pubSub: deps.pubSub,
      container: resolverContainer(deps),
    }),
    () => deps.readModels,
  );

const unavailable = (name: string): never => {
  throw new Error(`${name} is not available while printing the schema`);
};

/** The SDL of the certcycle API, types and fields sorted so that the text is stable. */
export const printCertcycleSchema = async (): Promise<string> => {
  const deps = new Proxy({ pubSub: createInMemoryPubSub() } as ApiDependencies, {
    get: (target, property) =>
      property in target
        ? target[property as keyof ApiDependencies]
        : unavailable(String(property)),
  });
  return `${printSchema(lexicographicSortSchema(await buildCertcycleSchema(deps)))}\n`;
};
