import {
  execute,
  type ExecutionResult,
  GraphQLEnumType,
  GraphQLError,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { CalendarDateScalar } from '../../../src/graphql/scalars';
import { compiledQueryExecutor } from '../../../src/graphql/server/compiled-query-executor';

class TeapotError extends Error {}

const Colour = new GraphQLEnumType({ name: 'Colour', values: { RED: {}, GREEN: {} } });

const Filter = new GraphQLInputObjectType({
  name: 'Filter',
  fields: {
    colour: { type: new GraphQLNonNull(Colour) },
    label: { type: new GraphQLNonNull(GraphQLString), defaultValue: 'none' },
    on: { type: CalendarDateScalar },
  },
});

const Item = new GraphQLObjectType({
  name: 'Item',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLInt) },
    name: { type: GraphQLString, resolve: (item: { id: number }) => `item ${item.id}` },
    missing: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
    later: {
      type: GraphQLString,
      resolve: (item: { id: number }) => Promise.resolve(`later ${item.id}`),
    },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: {
        type: new GraphQLList(Item),
        args: { first: { type: GraphQLInt, defaultValue: 2 } },
        resolve: (_root, { first }: { first: number }) =>
          Array.from({ length: first }, (_, index) => ({ id: index + 1 })),
      },
      echo: {
        type: GraphQLString,
        args: { filter: { type: new GraphQLNonNull(Filter) } },
        resolve: (_root, { filter }: { filter: unknown }) => JSON.stringify(filter),
      },
      teapot: {
        type: GraphQLString,
        resolve: () => {
          throw new TeapotError('short and stout');
        },
      },
      coded: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError('coded failure', { extensions: { code: 'CODED' } });
        },
      },
      whoami: {
        type: GraphQLString,
        resolve: (_root, _args, context: { who: string }) => context.who,
      },
    },
  }),
});

/** The same operation through graphql-js and through the compiled executor, as Apollo calls it. */
const both = async (
  query: string,
  variables?: Record<string, unknown>,
): Promise<[ExecutionResult, ExecutionResult]> => {
  const document = parse(query);
  const contextValue = { who: 'tester' };
  const expected = await execute({ schema, document, contextValue, variableValues: variables });
  const { executor } = await compiledQueryExecutor(schema).load({ apollo: {} });
  const request = { query, ...(variables ? { variables } : {}) };
  const actual = await executor!({ document, request, context: contextValue } as never);
  return [expected, actual];
};

const asJson = (result: ExecutionResult) => JSON.parse(JSON.stringify(result)) as unknown;

describe('compiled query executor', () => {
  it.each([
    [
      'fields, aliases, fragments and arguments',
      '{ items(first: 3) { id n: name ...F } } fragment F on Item { later }',
    ],
    [
      '@include and @skip',
      'query ($yes: Boolean!) { items { id name @include(if: $yes) later @skip(if: $yes) } }',
    ],
    ['the context', '{ whoami }'],
    [
      'input defaults, enums and custom scalars in variables',
      'query ($f: Filter!) { echo(filter: $f) }',
    ],
  ])('answers %s as graphql-js does', async (_name, query) => {
    const [expected, actual] = await both(query, {
      yes: true,
      f: { colour: 'RED', on: '2025-03-20' },
    });
    expect(asJson(actual)).toEqual(asJson(expected));
  });

  it('answers a bad variable with graphql-js error, naming the variable', async () => {
    const [expected, actual] = await both('query ($f: Filter!) { echo(filter: $f) }', {
      f: { colour: 'BLUE' },
    });
    expect(actual.errors).toHaveLength(1);
    expect(asJson(actual)).toEqual(asJson(expected));
    expect(actual.errors![0]!.nodes?.[0]?.kind).toBe('VariableDefinition');
  });

  it('keeps a resolver error as the original error of a graphql-js GraphQLError', async () => {
    const [expected, actual] = await both('{ teapot coded }');
    expect(asJson(actual)).toEqual(asJson(expected));
    const [teapot, coded] = actual.errors!;
    expect(teapot).toBeInstanceOf(GraphQLError);
    expect(teapot!.originalError).toBeInstanceOf(TeapotError);
    expect(teapot!.extensions).toEqual({});
    expect(coded!.extensions).toEqual({ code: 'CODED' });
  });

  it('nulls the parent of a non-null field that resolved to null, with its path', async () => {
    const [expected, actual] = await both('{ items { id missing } }');
    expect(asJson(actual)).toEqual(asJson(expected));
    expect(actual.errors?.[0]?.path).toEqual(['items', 0, 'missing']);
  });
});
