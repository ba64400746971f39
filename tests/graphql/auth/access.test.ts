import { Role } from '../../../src/graphql';
import {
  CLIENT_ORGANISATION,
  firstError,
  post,
  startTestServer,
  type TestServer,
} from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('callers without an API key', () => {
  it('reach a field marked public', async () => {
    const response = await post(server.url, '{ ping }');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ ping: 'pong' });
  });

  it('are refused every other root field with UNAUTHENTICATED and HTTP 401, before any resolver runs', async () => {
    const response = await post(server.url, '{ ping open }');
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
    expect(firstError(response).extensions?.code).toBe('UNAUTHENTICATED');
    expect(firstError(response).message).toContain('open needs an API key');
  });

  it('are told each refused root field once', async () => {
    const response = await post(server.url, '{ a: open b: open adminOnly ping }');
    expect(firstError(response).message).toMatch(/^open, adminOnly need an API key: send/);
  });

  it('cannot hide a protected field in a fragment on the root type', async () => {
    const response = await post(server.url, '{ ...F } fragment F on Query { open }');
    expect(firstError(response).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('are refused mutations that are not public', async () => {
    const response = await post(server.url, 'mutation { createThing(input: { name: "x" }) }');
    expect(firstError(response).extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe.each([
  ['an unknown key', 'cc_thisKeyWasNeverIssuedByTheServerAtAll0000000'],
  ['a revoked key', 'revoked'],
])('a request with %s', (_label, key) => {
  it('is refused with UNAUTHENTICATED even on a public field', async () => {
    const response = await post(server.url, '{ ping }', {
      key: key === 'revoked' ? server.revokedKey : key,
    });
    expect(response.status).toBe(401);
    expect(firstError(response).extensions?.code).toBe('UNAUTHENTICATED');
    expect(firstError(response).message).toBe('the API key is not valid or was revoked');
  });
});

it('refuses an Authorization header that is not a bearer token', async () => {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${server.keys.ADMIN}` },
    body: JSON.stringify({ query: '{ ping }' }),
  });
  expect(response.status).toBe(401);
  const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
  expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
});

it('binds each key to its person, role and (for CLIENT) organisation', async () => {
  const response = await post(server.url, '{ whoami { personId role organisationId } }', {
    key: server.keys.CLIENT,
  });
  expect(response.body.data).toEqual({
    whoami: { personId: 'person-client', role: 'CLIENT', organisationId: CLIENT_ORGANISATION },
  });
});

describe.each(Object.values(Role))('role %s', (role) => {
  it(`reaches adminOnly only as ADMIN`, async () => {
    const response = await post(server.url, '{ adminOnly }', { key: server.keys[role] });
    if (role === Role.ADMIN) {
      expect(response.body).toEqual({ data: { adminOnly: 'admin' } });
    } else {
      expect(response.body.data).toBeNull();
      expect(firstError(response).extensions?.code).toBe('FORBIDDEN');
      expect(firstError(response).message).toBe(
        `Query.adminOnly needs one of the roles ADMIN; your key has role ${role}`,
      );
    }
  });

  it('reaches decide only as DECISION_MAKER or ADMIN', async () => {
    const response = await post(server.url, '{ decide }', { key: server.keys[role] });
    const allowed = role === Role.DECISION_MAKER || role === Role.ADMIN;
    expect(response.body.data).toEqual(allowed ? { decide: 'decided' } : null);
    if (!allowed) expect(firstError(response).extensions?.code).toBe('FORBIDDEN');
  });

  it('reaches fields without role restriction', async () => {
    const response = await post(server.url, '{ open whoami { role } }', { key: server.keys[role] });
    expect(response.body).toEqual({ data: { open: 'open', whoami: { role } } });
  });
});

describe('a CLIENT key', () => {
  it('sees its own organisation', async () => {
    const response = await post(
      server.url,
      `{ organisationSecret(organisationId: "${CLIENT_ORGANISATION}") }`,
      { key: server.keys.CLIENT },
    );
    expect(response.body.data).toEqual({ organisationSecret: `secret of ${CLIENT_ORGANISATION}` });
  });

  it('is refused another organisation with FORBIDDEN', async () => {
    const response = await post(server.url, '{ organisationSecret(organisationId: "org-other") }', {
      key: server.keys.CLIENT,
    });
    expect(firstError(response).extensions?.code).toBe('FORBIDDEN');
    expect(firstError(response).message).toContain('organisation org-other');
  });

  it('does not restrict other roles to one organisation', async () => {
    const response = await post(server.url, '{ organisationSecret(organisationId: "org-other") }', {
      key: server.keys.VIEWER,
    });
    expect(response.body.data).toEqual({ organisationSecret: 'secret of org-other' });
  });
});
