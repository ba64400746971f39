import type { Database } from 'better-sqlite3';
import type { GraphQLSchema } from 'graphql';
import { requireRegisteredOrganisation } from '../queries/read-access';

type SourceStream = AsyncIterable<unknown> & { return?: () => Promise<unknown> };

/**
 * Makes every subscription with an `organisationId` argument answer NOT_FOUND for an organisation
 * the read models do not know, instead of listening for events that never come. type-graphql
 * computes a subscription's topic without the resolver's dependencies, so the check wraps the built
 * fields: it runs after type-graphql's own (key, role, CLIENT scope), and closes the stream that
 * was opened for the unknown organisation.
 */
export const requireKnownOrganisations = (
  schema: GraphQLSchema,
  readModels: () => Database,
): GraphQLSchema => {
  const fields = Object.values(schema.getSubscriptionType()?.getFields() ?? {});
  for (const field of fields) {
    const subscribe = field.subscribe;
    if (!subscribe || !field.args.some((arg) => arg.name === 'organisationId')) continue;
    field.subscribe = async (source, args: { organisationId: string }, context, info) => {
      const stream = (await subscribe(source, args, context, info)) as SourceStream;
      try {
        requireRegisteredOrganisation(readModels(), args.organisationId);
      } catch (error) {
        await stream.return?.();
        throw error;
      }
      return stream;
    };
  }
  return schema;
};
