import 'reflect-metadata';
import { isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import {
  type ApiDependencies,
  buildCertcycleSchema,
  createInMemoryPubSub,
} from '../../../src/graphql';

/**
 * A field read as a property (`simpleResolvers` on its type, or `simple`) gets no resolver, so
 * type-graphql drops its `@Authorized` and middlewares (`@InternalToStaff` …) without a word: a
 * field that declares either must keep its resolver.
 */
it('gives every field with an @Authorized or a middleware a resolver that applies it', async () => {
  const schema = await buildCertcycleSchema({ pubSub: createInMemoryPubSub() } as ApiDependencies);
  const guarded = getMetadataStorage().objectTypes.flatMap((objectType) =>
    (objectType.fields ?? [])
      .filter((field) => field.roles !== undefined || (field.middlewares?.length ?? 0) > 0)
      .map((field) => ({ type: objectType.name, field: field.schemaName })),
  );
  expect(guarded.length).toBeGreaterThan(0);
  const unapplied = guarded.filter(({ type, field }) => {
    const built = schema.getType(type);
    return isObjectType(built) && !built.getFields()[field]?.resolve;
  });
  expect(unapplied).toEqual([]);
});
