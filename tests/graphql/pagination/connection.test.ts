import fc from 'fast-check';
import { BadUserInputError, decodeCursor, encodeCursor, MAX_PAGE_SIZE } from '../../../src/graphql';
import { ITEMS } from '../support/test-schema';
import { firstError, post, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Page {
  edges: Array<{ cursor: string; node: { id: string; name: string } }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const page = async (first: number | null, after: string | null): Promise<Page> => {
  const response = await post(
    server.url,
    `query ($first: Int, $after: String) {
      items(first: $first, after: $after) {
        edges { cursor node { id name } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`,
    { key: server.keys.VIEWER, variables: { first, after } },
  );
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return (response.body.data as { items: Page }).items;
};

it('walks every item exactly once, in key order, by following endCursor', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const current: Page = await page(MAX_PAGE_SIZE, after);
    pages += 1;
    seen.push(...current.edges.map((edge) => edge.node.id));
    expect(current.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!current.pageInfo.hasNextPage) break;
    after = current.pageInfo.endCursor;
  }
  expect(pages).toBe(3);
  expect(seen).toEqual(ITEMS.map((item) => item.id));
});

it('returns 20 items when first is not given', async () => {
  const first = await page(null, null);
  expect(first.edges).toHaveLength(20);
  expect(first.pageInfo.startCursor).toBe(first.edges[0]?.cursor);
});

it('gives cursors that are opaque strings, not the ids', async () => {
  const { edges } = await page(1, null);
  expect(edges[0]?.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(edges[0]?.cursor).not.toContain(ITEMS[0]?.id);
});

it(`refuses first above ${MAX_PAGE_SIZE} with BAD_USER_INPUT naming first`, async () => {
  const response = await post(
    server.url,
    `{ items(first: ${MAX_PAGE_SIZE + 1}) { edges { cursor } } }`,
    {
      key: server.keys.VIEWER,
    },
  );
  expect(firstError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  expect(firstError(response).message).toBe('first must be between 0 and 100, got 101');
});

it('refuses a negative first', async () => {
  const response = await post(server.url, '{ items(first: -1) { edges { cursor } } }', {
    key: server.keys.VIEWER,
  });
  expect(firstError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
});

it.each([
  'not a cursor!',
  encodeCursor({ name: 'items', arity: 1 }, ['only-one']),
  encodeCursor({ name: 'other', arity: 2 }, ['a', 'b']),
  Buffer.from('{"a":1}').toString('base64url'),
])('refuses the forged cursor %s with BAD_USER_INPUT naming after', async (after) => {
  const response = await post(
    server.url,
    'query ($a: String) { items(after: $a) { edges { cursor } } }',
    {
      key: server.keys.VIEWER,
      variables: { a: after },
    },
  );
  expect(firstError(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
});

it('decodes every encoded key tuple to itself', () => {
  const component = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constant(null),
  );
  fc.assert(
    fc.property(fc.array(component, { minLength: 1, maxLength: 4 }), (key) => {
      const normalised = key.map((value) => (Object.is(value, -0) ? 0 : value));
      const list = { name: 'items', arity: normalised.length };
      expect(decodeCursor(encodeCursor(list, normalised), list)).toEqual(normalised);
    }),
  );
});

it('refuses a cursor with the wrong number of key components', () => {
  const list = { name: 'items', arity: 2 };
  expect(() => decodeCursor(encodeCursor(list, ['a', 1]), { ...list, arity: 3 })).toThrow(
    BadUserInputError,
  );
});
