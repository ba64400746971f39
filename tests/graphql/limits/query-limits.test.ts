import { request as httpRequest } from 'node:http';
import { DEFAULT_QUERY_LIMITS } from '../../../src/graphql';
import { firstError, post, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let production: TestServer;
beforeAll(async () => {
  [server, production] = await Promise.all([
    startTestServer({ limits: { maxDepth: 5, maxAliases: 3, maxCost: 300 }, maxBodyBytes: 2_000 }),
    startTestServer({ production: true }),
  ]);
});
afterAll(() => Promise.all([server.close(), production.close()]));

const ask = (query: string, variables?: Record<string, unknown>) =>
  post(server.url, query, { key: server.keys.VIEWER, ...(variables ? { variables } : {}) });

const nested = (depth: number): string =>
  `{ nested ${'{ child '.repeat(depth - 2)}{ level }${' }'.repeat(depth - 2)} }`;

describe('depth limit', () => {
  it('accepts an operation exactly at the limit', async () => {
    expect((await ask(nested(5))).body.errors).toBeUndefined();
  });

  it('refuses one level more, before running it, with HTTP 400', async () => {
    const response = await ask(nested(6));
    expect(response.status).toBe(400);
    expect(firstError(response).message).toBe(
      'the operation nests fields 6 levels deep; the limit is 5',
    );
    expect(firstError(response).extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
      maximum: 5,
      actual: 6,
    });
  });

  it('counts the depth inside fragments', async () => {
    const response = await ask(
      'query Deep { nested { ...A } } fragment A on Nested { child { child { child { child { level } } } } }',
    );
    expect(firstError(response).message).toBe(
      'operation Deep nests fields 6 levels deep; the limit is 5',
    );
  });
});

describe('alias limit', () => {
  it('accepts as many aliases as the limit', async () => {
    expect((await ask('{ a: ping b: ping c: ping }')).body).toEqual({
      data: { a: 'pong', b: 'pong', c: 'pong' },
    });
  });

  it('refuses one alias more', async () => {
    const response = await ask('{ a: ping b: ping c: ping d: ping }');
    expect(firstError(response).message).toBe('the document uses 4 aliases; the limit is 3');
    expect(firstError(response).extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'aliases',
    });
  });
});

describe('cost limit', () => {
  const items = (first: string) =>
    `{ items(first: ${first}) { edges { cursor node { id name } } } }`;

  it('multiplies the fields under a list by first', async () => {
    expect((await ask(items('59'))).body.errors).toBeUndefined();
    const response = await ask(items('60'));
    expect(firstError(response).message).toBe(
      'the operation costs 301 (each field 1, fields under a paged list `first` times, under any other list 10 times); the limit is 300',
    );
    expect(firstError(response).extensions).toMatchObject({ limit: 'cost', actual: 1 + 60 * 5 });
  });

  it('counts a first given by a variable as the page-size cap', async () => {
    const response = await ask('query ($n: Int) { items(first: $n) { edges { node { id } } } }', {
      n: 1,
    });
    expect(firstError(response).extensions).toMatchObject({ limit: 'cost', actual: 1 + 100 * 3 });
  });

  it('counts a variable with a small default as the cap too: the request may send more', async () => {
    const response = await ask(
      'query ($n: Int = 1) { items(first: $n) { edges { node { id } } } }',
      {
        n: 100,
      },
    );
    expect(firstError(response).extensions).toMatchObject({ limit: 'cost', actual: 1 + 100 * 3 });
  });

  it('counts an absent first as the default page size', async () => {
    const response = await ask('{ items { edges { node { id name } } } }');
    expect(response.body.errors).toBeUndefined();
  });

  it('counts a null first as the default page size (20) too', async () => {
    const response = await ask(
      `{ a: items(first: null) { edges { cursor node { id name } } } b: ${items('59').slice(2, -2)} }`,
    );
    expect(firstError(response).extensions).toMatchObject({
      limit: 'cost',
      actual: 1 + 20 * 5 + 1 + 59 * 5,
    });
  });

  it('counts the fields under a list without first 10 times, each nested list again', async () => {
    const children = (levels: number): string =>
      `{ nested { ${'children { '.repeat(levels)}level path${' }'.repeat(levels)} } }`;
    expect((await ask(children(2))).body.errors).toBeUndefined();
    const response = await ask(children(3));
    expect(firstError(response).message).toBe(
      'the operation costs 2112 (each field 1, fields under a paged list `first` times, under any other list 10 times); the limit is 300',
    );
    expect(firstError(response).extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'cost',
      actual: 1 + (1 + 10 * (1 + 10 * (1 + 10 * 2))),
    });
  });

  it('counts a literal first over the page-size cap as the cap: the answer names first', async () => {
    const response = await post(
      production.url,
      '{ items(first: 100000) { edges { node { id } } } }',
      {
        key: production.keys.VIEWER,
      },
    );
    expect(firstError(response).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });
});

it('has defaults that let a full page of a connection through', () => {
  expect(DEFAULT_QUERY_LIMITS).toEqual({
    maxDepth: 12,
    maxAliases: 20,
    maxCost: 10_000,
    unpagedListLength: 10,
  });
});

describe('CSRF prevention', () => {
  it('refuses a GET without a preflight header', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ ping }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Cross-Site Request Forgery');
  });

  it('refuses a form post', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B%20ping%20%7D',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Cross-Site Request Forgery');
  });

  it('accepts a GET with the apollo-require-preflight header', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ ping }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await response.json()).toEqual({ data: { ping: 'pong' } });
  });
  it('reads the query string of a GET up to a #fragment', async () => {
    const { port } = new URL(server.url);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: `/graphql?query=${encodeURIComponent('{ ping }')}&variables=%7B%7D#fragment`,
          headers: { 'apollo-require-preflight': 'true' },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(answer).toEqual({ status: 200, text: '{"data":{"ping":"pong"}}\n' });
  });
});

describe('request body size', () => {
  it('refuses a body over the limit with 413 and a GraphQL-shaped error', async () => {
    const response = await post(server.url, `{ ping } # ${'x'.repeat(2_100)}`);
    expect(response.status).toBe(413);
    expect(firstError(response)).toEqual({
      message: 'the request body is larger than the limit of 2000 bytes',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
  });
});

describe('introspection', () => {
  it('is on outside production', async () => {
    expect((await ask('{ __schema { queryType { name } } }')).body).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
  });

  it('is off in production', async () => {
    const response = await post(production.url, '{ __schema { queryType { name } } }', {
      key: production.keys.ADMIN,
    });
    expect(response.body.data).toBeUndefined();
    expect(firstError(response).message).toContain('introspection');
  });
});
