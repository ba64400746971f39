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
import * as graphqlJsValues from 'graphql/execution/values';
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

const contextValue = { who: 'tester' };

/** The operation through the compiled executor, as Apollo calls it. */
const compiled = async (
  query: string,
  variables?: Record<string, unknown>,
): Promise<ExecutionResult> => {
  const { executor } = await compiledQueryExecutor(schema).load({ apollo: {} });
  const request = { query, ...(variables ? { variables } : {}) };
  return (await executor!({
    document: parse(query),
    request,
    context: contextValue,
  } as never)) as ExecutionResult;
};

/** The same operation through graphql-js and through the compiled executor. */
const both = async (
  query: string,
  variables?: Record<string, unknown>,
): Promise<[ExecutionResult, ExecutionResult]> => {
  const document = parse(query);
  const expected = await execute({ schema, document, contextValue, variableValues: variables });
  return [expected, await compiled(query, variables)];
};

/** How many times graphql-js coerces variables while `run` runs. */
const graphqlJsCoercions = async (run: () => Promise<unknown>): Promise<number> => {
  const coerce = jest.spyOn(graphqlJsValues, 'getVariableValues');
  try {
    await run();
    return coerce.mock.calls.length;
  } finally {
    coerce.mockRestore();
  }
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

  it('coerces built-in scalar and enum variables with graphql-jit alone, answering as graphql-js does', async () => {
    const query =
      'query ($n: Int!, $yes: Boolean!, $label: String, $c: Colour) { items(first: $n) { id name @include(if: $yes) } c: echo(filter: { colour: $c, label: $label }) }';
    const variables = { n: 3, yes: true, label: 'mine', c: 'GREEN' };
    const [expected, actual] = await both(query, variables);
    expect(asJson(actual)).toEqual(asJson(expected));
    expect(await graphqlJsCoercions(() => compiled(query, variables))).toBe(0);
  });

  it('coerces input objects in variables with graphql-js first, for their defaults', async () => {
    const query = 'query ($f: Filter!) { echo(filter: $f) }';
    const variables = { f: { colour: 'RED' } };
    const [expected, actual] = await both(query, variables);
    expect(asJson(actual)).toEqual(asJson(expected));
    expect(await graphqlJsCoercions(() => compiled(query, variables))).toBe(1);
  });

  it.each([
    ['a string for an Int', 'query ($n: Int!) { items(first: $n) { id } }', { n: 'three' }],
    ['a missing non-null variable', 'query ($n: Int!) { items(first: $n) { id } }', {}],
    ['an unknown enum value', 'query ($c: Colour) { echo(filter: { colour: $c }) }', { c: 'BLUE' }],
  ])('answers %s with graphql-js error', async (_name, query, variables) => {
    const [expected, actual] = await both(query, variables);
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
