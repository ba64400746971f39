import { firstError, post, startTestServer, type TestServer } from '../support/test-server';
import { BoomError } from '../support/test-schema';

let dev: TestServer;
let production: TestServer;
beforeAll(async () => {
  [dev, production] = await Promise.all([startTestServer(), startTestServer({ production: true })]);
});
afterAll(() => Promise.all([dev.close(), production.close()]));

const failWith = (server: TestServer, kind: string) =>
  post(server.url, `{ fail(kind: "${kind}") }`, { key: server.keys.ADMIN }).then(firstError);

it.each([
  ['notFound', 'NOT_FOUND', 'Certificate C-1 was not found', { entity: 'Certificate', id: 'C-1' }],
  ['forbidden', 'FORBIDDEN', 'your role does not allow this operation', {}],
  [
    'conflict',
    'CONFLICT',
    'the object was changed meanwhile; it is now at version 7',
    { currentVersion: 7 },
  ],
  ['badInput', 'BAD_USER_INPUT', 'number must not be empty', { field: 'number' }],
  [
    'readModelTimeout',
    'READ_MODEL_TIMEOUT',
    'the change was stored at position 00000000000000000042, but the read models did not reach it within 2000 ms; query again shortly',
    { position: '00000000000000000042', waitedMs: 2000 },
  ],
  [
    'domain',
    'DOMAIN_RULE_VIOLATION',
    'surveillance audit 1 was due by 2025-03-20',
    { rule: 'SURVEILLANCE_OVERDUE' },
  ],
  [
    'concurrency',
    'CONFLICT',
    'Certificate C-1 is at version 5, not 3: it changed meanwhile; read it again before retrying',
    { currentVersion: 5, entity: 'Certificate', id: 'C-1' },
  ],
  ['eventStoreInput', 'BAD_USER_INPUT', 'stream name must not be empty', { field: 'stream' }],
  [
    'calendar',
    'BAD_USER_INPUT',
    'fail: "2025-02-30" is not a calendar date (YYYY-MM-DD, years 1900-2999)',
    { field: 'fail' },
  ],
])(
  'answers %s with %s, its message and extensions, in production too',
  async (kind, code, message, extra) => {
    for (const server of [dev, production]) {
      const error = await failWith(server, kind);
      expect(error.message).toBe(message);
      expect({ ...error.extensions, stacktrace: undefined }).toEqual({
        code,
        ...extra,
        stacktrace: undefined,
      });
    }
  },
);

it.each([
  ['one constraint', 'much too long', ['name must be shorter than or equal to 10 characters']],
  [
    'two constraints, naming the field once',
    'MUCH TOO LONG',
    ['name must be lower case', 'name must be shorter than or equal to 10 characters'],
  ],
])(
  'answers class-validator argument errors (%s) with BAD_USER_INPUT naming the field',
  async (_, name, messages) => {
    const response = await post(dev.url, `mutation { createThing(input: { name: "${name}" }) }`, {
      key: dev.keys.ADMIN,
    });
    const error = firstError(response);
    expect(error.message.split('; ').sort()).toEqual([...messages].sort());
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
      fields: ['name'],
    });
    expect(error.extensions).not.toHaveProperty('validationErrors');
  },
);

it('masks an unknown error in production: no message, no stack trace, but it is reported', async () => {
  const before = production.internalErrors.length;
  const error = await failWith(production, 'boom');
  expect(error).toEqual({
    message: 'Internal server error',
    path: ['fail'],
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
  expect(production.internalErrors.slice(before)).toEqual([expect.any(BoomError)]);
});

it('shows an unknown error with its stack trace outside production', async () => {
  const error = await failWith(dev, 'boom');
  expect(error.message).toBe('secret connection string postgres://user:pw@db');
  expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  expect(error.extensions?.stacktrace).toEqual(
    expect.arrayContaining([expect.stringContaining('TestResolver.fail')]),
  );
});

it('never sends stack traces of known errors in production', async () => {
  expect((await failWith(dev, 'domain')).extensions).toHaveProperty('stacktrace');
  expect((await failWith(production, 'domain')).extensions).not.toHaveProperty('stacktrace');
});

it('keeps Apollo codes for parse and validation errors', async () => {
  const parse = firstError(await post(dev.url, '{ ping', { key: dev.keys.ADMIN }));
  expect(parse.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  const validation = await post(dev.url, '{ nope }', { key: dev.keys.ADMIN });
  expect(validation.status).toBe(400);
  expect(firstError(validation).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

it('answers an invalid value of a serialised field as an internal error, not as bad input', async () => {
  const error = firstError(
    await post(production.url, '{ badDateOut }', { key: production.keys.ADMIN }),
  );
  expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
});
