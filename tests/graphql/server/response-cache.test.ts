import Database from 'better-sqlite3';
import {
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import {
  ApiKeyStore,
  type ApiServer,
  createApiServer,
  ResponseCache,
  Role,
} from '../../../src/graphql';
import { readModelsChanged } from '../../../src/projections';

// Over real HTTP: the cache keeps whole HTTP answers, in front of Apollo Server.

const db = new Database(':memory:');
const apiKeys = new ApiKeyStore(db, () => new Date());
const servers: ApiServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
  db.close();
});

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

const keyFor = (personId: string, role: Role, organisationId?: string) =>
  apiKeys.create({ personId, role, ...(organisationId ? { organisationId } : {}) }).key;
const ADMIN = keyFor('p-1', Role.ADMIN);

interface Asked {
  /** The server's answer, as sent. */
  text: string;
  status: number;
  contentType: string | null;
}

const serverWith = async (maxBytes?: number) => {
  const responses = new ResponseCache({
    readModels: db,
    readModelFields: new Set(['tally', 'later', 'padding', 'failing']),
    today: () => today,
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });
  const server = await createApiServer({
    schema,
    apiKeys,
    production: false,
    port: 0,
    readiness: () => ({ ready: true }),
    responses,
  });
  servers.push(server);
  return async (
    query: string,
    variables: Record<string, unknown> = {},
    key: string | null = ADMIN,
    accept = 'application/json',
    body = JSON.stringify({ query, variables }),
  ): Promise<Asked> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept,
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      },
      body,
    });
    const text = await response.text();
    return { text, status: response.status, contentType: response.headers.get('content-type') };
  };
};

beforeEach(() => {
  runs = [];
  today = '2025-03-01';
  pause = Promise.resolve();
});

type Ask = Awaited<ReturnType<typeof serverWith>>;

/** Asks `times` times in a row, answering the last answer. */
const ask = async (run: Ask, times: number, ...request: Parameters<Ask>): Promise<Asked> => {
  let answer: Asked | undefined;
  for (let time = 0; time < times; time++) answer = await run(...request);
  return answer!;
};

const dataOf = (asked: Asked): unknown => (JSON.parse(asked.text) as { data: unknown }).data;

describe('response cache', () => {
  it('answers a query asked for the third time from memory, until the read models change', async () => {
    const run = await serverWith();
    expect(dataOf(await run('{ tally }'))).toEqual({ tally: 'tally 1 #1' });
    const second = await run('{ tally }');
    expect(dataOf(second)).toEqual({ tally: 'tally 1 #2' });
    expect(await run('{ tally }')).toEqual(second);
    expect(runs).toHaveLength(2);

    readModelsChanged(db);
    await ask(run, 3, '{ tally }');
    expect(runs).toHaveLength(4);
  });

  it('sends a kept answer with the status and headers Apollo Server gave it', async () => {
    const run = await serverWith();
    const asked = await ask(run, 2, '{ tally }');
    expect(asked).toMatchObject({ status: 200, contentType: 'application/json; charset=utf-8' });
    expect(await run('{ tally }')).toEqual(asked);
    expect(runs).toHaveLength(2);
  });

  it('counts the times a query is asked within one state of the read models', async () => {
    const run = await serverWith();
    await run('{ tally }');
    readModelsChanged(db);
    await ask(run, 3, '{ tally }');
    expect(runs).toHaveLength(3);
  });

  it('keeps an answer for one body, one Accept header, one caller and one day', async () => {
    const run = await serverWith();
    const query = 'query ($n: Int) { tally(n: $n) }';
    const json = 'application/json';
    const variants: [Record<string, unknown>, string, string, string][] = [
      [{ n: 2 }, ADMIN, json, '2025-03-01'],
      [{ n: 3 }, ADMIN, json, '2025-03-01'],
      [{ n: 2 }, keyFor('p-2', Role.ADMIN), json, '2025-03-01'],
      [{ n: 2 }, keyFor('p-1', Role.VIEWER), json, '2025-03-01'],
      [{ n: 2 }, keyFor('p-1', Role.CLIENT, 'org-a'), json, '2025-03-01'],
      [{ n: 2 }, keyFor('p-1', Role.CLIENT, 'org-b'), json, '2025-03-01'],
      [{ n: 2 }, ADMIN, 'application/graphql-response+json', '2025-03-01'],
      [{ n: 2 }, ADMIN, json, '2025-03-02'],
    ];
    for (let round = 1; round <= 3; round++) {
      for (const [variables, key, accept, day] of variants) {
        today = day;
        await run(query, variables, key, accept);
      }
      expect(runs).toHaveLength(variants.length * Math.min(round, 2));
    }
    const types = new Set<string | null>();
    for (const accept of [json, 'application/graphql-response+json']) {
      types.add((await run(query, { n: 2 }, ADMIN, accept)).contentType);
    }
    expect(types.size).toBe(2);
  });

  it('verifies the API key before sending a kept answer', async () => {
    const run = await serverWith();
    const created = apiKeys.create({ personId: 'p-9', role: Role.VIEWER });
    await ask(run, 3, '{ tally }', {}, created.key);
    apiKeys.revoke(created.record.id);
    const refused = await run('{ tally }', {}, created.key);
    expect(JSON.parse(refused.text)).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(runs).toHaveLength(2);
  });

  it('does not keep an answer during which the read models changed', async () => {
    const run = await serverWith();
    let resume = () => {};
    pause = new Promise((resolve) => (resume = resolve));
    const before = run('{ later }');
    await new Promise((resolve) => setTimeout(resolve, 50));
    readModelsChanged(db);
    pause = Promise.resolve();
    expect(dataOf(await run('{ later }'))).toEqual({ later: 'later #2' });
    resume();
    expect(dataOf(await before)).toEqual({ later: 'later #1' });
    expect(dataOf(await run('{ later }'))).toEqual({ later: 'later #3' });
  });

  it('keeps no answer with errors, of other fields, or of a mutation', async () => {
    const run = await serverWith();
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
  /**
   * What a `padding` answer counts against maxBytes: its key (caller, day, Accept header and the
   * body as sent) and its body (Apollo Server ends it with a newline).
   */
  const sizeOf = (variables: { bytes: number; tag?: number }) =>
    `ADMIN p-1 \n${today}\napplication/json\n${JSON.stringify({ query: PADDED, variables })}`
      .length +
    JSON.stringify({ data: { padding: 'x'.repeat(variables.bytes) } }).length +
    1;

  it('keeps at most maxBytes of answers, dropping the one used least recently', async () => {
    // Tags 10 to 30: keys of one length.
    const run = await serverWith(20 * sizeOf({ bytes: 500, tag: 10 }));
    for (let tag = 10; tag < 30; tag++) await ask(run, 2, PADDED, { bytes: 500, tag });
    await run(PADDED, { bytes: 500, tag: 10 });
    expect(runs).toHaveLength(40);

    await ask(run, 2, PADDED, { bytes: 500, tag: 30 });
    runs = [];
    for (const tag of [10, ...Array.from({ length: 19 }, (_, index) => index + 12), 11]) {
      await run(PADDED, { bytes: 500, tag });
    }
    expect(runs).toEqual(['padding 500 (11)']);
  });

  it('keeps no answer over a sixteenth of maxBytes', async () => {
    const run = await serverWith(16 * sizeOf({ bytes: 500 }));
    await ask(run, 3, PADDED, { bytes: 501 });
    await ask(run, 3, PADDED, { bytes: 500 });
    expect(runs).toEqual([
      ...Array<string>(3).fill('padding 501 (-)'),
      ...Array<string>(2).fill('padding 500 (-)'),
    ]);
  });

  it('keys an answer by the body as sent, which Apollo Server may refuse where its JSON value would not be', async () => {
    const run = await serverWith();
    const query = 'query ($n: Int) { tally(n: $n) }';
    const infinite = `{"query":${JSON.stringify(query)},"variables":{"n":1e999}}`;
    await ask(run, 3, query, { n: null });
    const refused = await run(query, {}, ADMIN, 'application/json', infinite);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('counts the keys of kept answers against maxBytes', async () => {
    const run = await serverWith(64 * 1024);
    const padded = (tag: number) =>
      JSON.stringify({ query: '{ tally }', extensions: { pad: 'p'.repeat(3000), tag } });
    for (let tag = 0; tag < 30; tag++) {
      await ask(run, 2, '{ tally }', {}, ADMIN, 'application/json', padded(tag));
    }
    runs = [];
    await run('{ tally }', {}, ADMIN, 'application/json', padded(29));
    expect(runs).toEqual([]);
    await run('{ tally }', {}, ADMIN, 'application/json', padded(0));
    expect(runs).toEqual(['tally 1']);
  });

  it('answers a long request body without keeping it', async () => {
    const run = await serverWith();
    await ask(run, 3, PADDED, { bytes: 1, tag: 1, note: 'n'.repeat(9000) });
    expect(runs).toEqual(Array<string>(3).fill('padding 1 (1)'));
  });
});
