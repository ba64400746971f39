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
          const run = runs.length;
          await pause;
          return `later #${run}`;
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

/** Asks `times` times in a row, answering the last answer. */
const ask = async (
  run: Awaited<ReturnType<typeof executorWith>>,
  times: number,
  ...request: Parameters<Awaited<ReturnType<typeof executorWith>>>
): Promise<ExecutionResult> => {
  let answer: ExecutionResult = {};
  for (let time = 0; time < times; time++) answer = await run(...request);
  return answer;
};

describe('response cache', () => {
  it('answers a query asked for the third time from memory, until the read models change', async () => {
    const run = await executorWith();
    expect(await run('{ tally }')).toEqual({ data: { tally: 'tally 1 #1' } });
    const second = await run('{ tally }');
    expect(second).toEqual({ data: { tally: 'tally 1 #2' } });
    expect(await run('{ tally }')).toBe(second);
    expect(runs).toHaveLength(2);

    readModelsChanged(db);
    await ask(run, 3, '{ tally }');
    expect(runs).toHaveLength(4);
  });

  it('counts the times a query is asked within one state of the read models', async () => {
    const run = await executorWith();
    await run('{ tally }');
    readModelsChanged(db);
    await ask(run, 3, '{ tally }');
    expect(runs).toHaveLength(3);
  });

  it('keeps an answer for one set of variables, one caller and one day', async () => {
    const run = await executorWith();
    const query = 'query ($n: Int) { tally(n: $n) }';
    const variants: [Record<string, unknown>, Principal | null, string][] = [
      [{ n: 2 }, ADMIN, '2025-03-01'],
      [{ n: 3 }, ADMIN, '2025-03-01'],
      [{ n: 2 }, { personId: 'p-2', role: Role.ADMIN }, '2025-03-01'],
      [{ n: 2 }, { personId: 'p-1', role: Role.VIEWER }, '2025-03-01'],
      [{ n: 2 }, { personId: 'p-1', role: Role.CLIENT, organisationId: 'org-a' }, '2025-03-01'],
      [{ n: 2 }, { personId: 'p-1', role: Role.CLIENT, organisationId: 'org-b' }, '2025-03-01'],
      [{ n: 2 }, null, '2025-03-01'],
      [{ n: 2 }, ADMIN, '2025-03-02'],
    ];
    for (let round = 1; round <= 3; round++) {
      for (const [variables, principal, day] of variants) {
        today = day;
        await run(query, variables, principal);
      }
      expect(runs).toHaveLength(variants.length * Math.min(round, 2));
    }
  });

  it('does not keep an answer during which the read models changed', async () => {
    const run = await executorWith();
    let resume = () => {};
    pause = new Promise((resolve) => (resume = resolve));
    const before = run('{ later }');
    readModelsChanged(db);
    pause = Promise.resolve();
    expect(await run('{ later }')).toEqual({ data: { later: 'later #2' } });
    resume();
    expect(await before).toEqual({ data: { later: 'later #1' } });
    expect(await run('{ later }')).toEqual({ data: { later: 'later #3' } });
  });

  it('keeps no answer with errors, of other fields, or of a mutation', async () => {
    const run = await executorWith();
    for (const query of ['{ failing }', '{ tally elsewhere }', 'mutation { tally }']) {
      await ask(run, 3, query);
    }
    expect(runs).toEqual([
      ...Array<string>(3).fill('failing'),
      ...Array<string[]>(3).fill(['tally 1', 'elsewhere']).flat(),
      ...Array<string>(3).fill('mutation'),
    ]);
  });

  const PADDED = 'query ($bytes: Int!, $tag: Int) { padding(bytes: $bytes, tag: $tag) }';
  /** The JSON size of a `padding` answer. */
  const sizeOf = (bytes: number) => JSON.stringify({ data: { padding: 'x'.repeat(bytes) } }).length;

  it('keeps at most maxBytes of answers, dropping the one used least recently', async () => {
    const run = await executorWith(20 * sizeOf(500));
    for (let tag = 0; tag < 20; tag++) await ask(run, 2, PADDED, { bytes: 500, tag });
    await run(PADDED, { bytes: 500, tag: 0 });
    expect(runs).toHaveLength(40);

    await ask(run, 2, PADDED, { bytes: 500, tag: 20 });
    runs = [];
    for (const tag of [0, ...Array.from({ length: 19 }, (_, index) => index + 2), 1]) {
      await run(PADDED, { bytes: 500, tag });
    }
    expect(runs).toEqual(['padding 500 (1)']);
  });

  it('keeps no answer over a sixteenth of maxBytes', async () => {
    const run = await executorWith(16 * sizeOf(500));
    await ask(run, 3, PADDED, { bytes: 501 });
    await ask(run, 3, PADDED, { bytes: 500 });
    expect(runs).toEqual([
      ...Array<string>(3).fill('padding 501 (-)'),
      ...Array<string>(2).fill('padding 500 (-)'),
    ]);
  });
});
