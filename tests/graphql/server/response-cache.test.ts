import Database from 'better-sqlite3';
import {
  type ExecutionResult,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { type Principal, ResponseCache, Role } from '../../../src/graphql';
import { compiledQueryExecutor } from '../../../src/graphql/server/compiled-query-executor';
import { readModelsChanged } from '../../../src/projections';

const db = new Database(':memory:');
afterAll(() => db.close());

let runs: string[];
let today: string;
let pause: Promise<void> = Promise.resolve();

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      tally: {
        type: GraphQLString,
        args: { n: { type: GraphQLInt, defaultValue: 1 } },
        resolve: (_root, { n }: { n: number }) => {
          runs.push(`tally ${n}`);
          return `tally ${n} #${runs.length}`;
        },
      },
      later: {
        type: GraphQLString,
        resolve: async () => {
          runs.push('later');
          await pause;
          return `later #${runs.length}`;
        },
      },
      padding: {
        type: GraphQLString,
        args: { bytes: { type: new GraphQLNonNull(GraphQLInt) }, tag: { type: GraphQLInt } },
        resolve: (_root, { bytes, tag }: { bytes: number; tag?: number | null }) => {
          runs.push(`padding ${bytes} (${tag ?? '-'})`);
          return 'x'.repeat(bytes);
        },
      },
      failing: {
        type: GraphQLString,
        resolve: () => {
          runs.push('failing');
          throw new Error('no');
        },
      },
      elsewhere: {
        type: GraphQLString,
        resolve: () => {
          runs.push('elsewhere');
          return 'from another table';
        },
      },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      tally: {
        type: GraphQLString,
        resolve: () => {
          runs.push('mutation');
          return 'done';
        },
      },
    },
  }),
});

const ADMIN: Principal = { personId: 'p-1', role: Role.ADMIN };

const executorWith = async (maxBytes?: number) => {
  const responses = new ResponseCache({
    readModels: db,
    readModelFields: new Set(['tally', 'later', 'padding', 'failing']),
    today: () => today,
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });
  const { executor } = await compiledQueryExecutor(schema, responses).load({ apollo: {} });
  const documents = new Map<string, ReturnType<typeof parse>>();
  return (
    query: string,
    variables: Record<string, unknown> = {},
    principal: Principal | null = ADMIN,
  ): Promise<ExecutionResult> => {
    const document = documents.get(query) ?? parse(query);
    documents.set(query, document);
    return executor!({
      document,
      request: { query, variables },
      context: { principal },
    } as never) as Promise<ExecutionResult>;
  };
};

beforeEach(() => {
  runs = [];
  today = '2025-03-01';
  pause = Promise.resolve();
});

describe('response cache', () => {
  it('answers a repeated query from memory until the read models change', async () => {
    const run = await executorWith();
    const first = await run('{ tally }');
    expect(await run('{ tally }')).toEqual(first);
    expect(runs).toEqual(['tally 1']);

    readModelsChanged(db);
    expect(await run('{ tally }')).toEqual({ data: { tally: 'tally 1 #2' } });
    expect(runs).toEqual(['tally 1', 'tally 1']);
  });

  it('keeps an answer for one set of variables, one caller and one day', async () => {
    const run = await executorWith();
    const query = 'query ($n: Int) { tally(n: $n) }';
    await run(query, { n: 2 });
    await run(query, { n: 3 });
    await run(query, { n: 2 }, { personId: 'p-2', role: Role.ADMIN });
    await run(query, { n: 2 }, { personId: 'p-1', role: Role.VIEWER });
    await run(query, { n: 2 }, { personId: 'p-1', role: Role.CLIENT, organisationId: 'org-a' });
    await run(query, { n: 2 }, { personId: 'p-1', role: Role.CLIENT, organisationId: 'org-b' });
    await run(query, { n: 2 }, null);
    today = '2025-03-02';
    await run(query, { n: 2 });
    expect(runs).toHaveLength(8);
    await run(query, { n: 2 });
    expect(runs).toHaveLength(8);
  });

  it('does not keep an answer during which the read models changed', async () => {
    const run = await executorWith();
    let resume = () => {};
    pause = new Promise((resolve) => (resume = resolve));
    const answer = run('{ later }');
    readModelsChanged(db);
    await run('{ tally }');
    resume();
    expect(await answer).toEqual({ data: { later: 'later #2' } });
    pause = Promise.resolve();
    expect(await run('{ later }')).toEqual({ data: { later: 'later #3' } });
  });

  it('keeps no answer with errors, of other fields, or of a mutation', async () => {
    const run = await executorWith();
    for (const query of ['{ failing }', '{ tally elsewhere }', 'mutation { tally }']) {
      await run(query);
      await run(query);
    }
    expect(runs).toEqual([
      'failing',
      'failing',
      'tally 1',
      'elsewhere',
      'tally 1',
      'elsewhere',
      'mutation',
      'mutation',
    ]);
  });

  const PADDED = 'query ($bytes: Int!, $tag: Int) { padding(bytes: $bytes, tag: $tag) }';
  /** The JSON size of a `padding` answer. */
  const sizeOf = (bytes: number) => JSON.stringify({ data: { padding: 'x'.repeat(bytes) } }).length;

  it('keeps at most maxBytes of answers, dropping the one used least recently', async () => {
    const run = await executorWith(20 * sizeOf(500));
    for (let tag = 0; tag < 20; tag++) await run(PADDED, { bytes: 500, tag });
    await run(PADDED, { bytes: 500, tag: 0 });
    expect(runs).toHaveLength(20);

    await run(PADDED, { bytes: 500, tag: 20 });
    runs = [];
    for (const tag of [0, ...Array.from({ length: 19 }, (_, index) => index + 2), 1]) {
      await run(PADDED, { bytes: 500, tag });
    }
    expect(runs).toEqual(['padding 500 (1)']);
  });

  it('keeps no answer over a sixteenth of maxBytes', async () => {
    const run = await executorWith(16 * sizeOf(500));
    await run(PADDED, { bytes: 501 });
    await run(PADDED, { bytes: 501 });
    await run(PADDED, { bytes: 500 });
    await run(PADDED, { bytes: 500 });
    expect(runs).toEqual(['padding 501 (-)', 'padding 501 (-)', 'padding 500 (-)']);
  });
});
