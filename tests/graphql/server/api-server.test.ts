import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ListenError, listenForApi } from '../../../src/graphql';
import { TICK } from '../support/test-schema';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const root = () => server.url.replace(/\/graphql$/, '');

describe('/healthz', () => {
  it('answers 200 while the process is up, even when not ready', async () => {
    server.setReadiness({ ready: false, reason: 'projections are catching up' });
    const response = await fetch(`${root()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('/readyz', () => {
  it('answers 200 when the readiness check says ready', async () => {
    server.setReadiness({ ready: true });
    const response = await fetch(`${root()}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('answers 503 with the reason when not ready', async () => {
    server.setReadiness({ ready: false, reason: 'projections are catching up' });
    const response = await fetch(`${root()}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'not ready',
      reason: 'projections are catching up',
    });
  });

  it('answers 503 when the readiness check throws', async () => {
    server.setReadiness(new Error('event store unreachable'));
    const response = await fetch(`${root()}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'not ready',
      reason: 'event store unreachable',
    });
  });
});

describe('cross-origin requests (CORS)', () => {
  const DASHBOARD = 'https://dash.example.com';
  let cors: TestServer;
  beforeAll(async () => {
    cors = await startTestServer({ corsOrigins: [DASHBOARD] });
  });
  afterAll(() => cors.close());

  /** `{ __typename }` posted by a page of `origin`. */
  const postTypename = (url: string, origin: string) =>
    fetch(url, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it("answers a configured origin's preflight, 204 with what its pages may send", async () => {
    const response = await preflight(cors.url, DASHBOARD);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('lets the page of a configured origin read the answer of a POST', async () => {
    const response = await postTypename(cors.url, DASHBOARD);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('lets the page of a configured origin read the 503 answered while the service starts', async () => {
    const listener = await listenForApi({
      port: 0,
      production: false,
      readiness: () => ({ ready: false, reason: 'catching up with the event log' }),
      corsOrigins: [DASHBOARD],
    });
    try {
      const allowed = await preflight(listener.url, DASHBOARD);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
      const response = await postTypename(listener.url, DASHBOARD);
      expect(response.status).toBe(503);
      expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
      const other = await postTypename(listener.url, 'https://evil.example.com');
      expect(other.status).toBe(503);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await listener.close();
    }
  });

  it('gives other origins, and servers without origins, no CORS headers', async () => {
    for (const [url, origin] of [
      [cors.url, 'https://evil.example.com'],
      [server.url, DASHBOARD],
    ] as const) {
      const response = await preflight(url, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const post = await fetch(url, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('listening', () => {
  it('refuses a port in use with one ListenError saying so, and logs nothing', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const port = Number(new URL(server.url).port);
      const second = startTestServer({ port });
      await expect(second).rejects.toThrow(ListenError);
      await expect(second).rejects.toThrow(
        `cannot listen on 127.0.0.1:${port}: the port is in use by another process (set PORT)`,
      );
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('answers the health routes before the API is served, /graphql with 503, and closes', async () => {
    const listener = await listenForApi({
      port: 0,
      production: false,
      readiness: () => ({ ready: false, reason: 'opening the store' }),
    });
    const base = listener.url.replace(/\/graphql$/, '');
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({
        status: 503,
        body: { status: 'not ready', reason: 'opening the store' },
      });
      const api = await fetch(listener.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect({ status: api.status, body: await api.json() }).toEqual({
        status: 503,
        body: {
          errors: [
            {
              message: 'the service is starting: try again once /readyz answers 200',
              extensions: { code: 'SERVICE_UNAVAILABLE' },
            },
          ],
        },
      });
    } finally {
      await listener.close();
    }
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});

describe('subscriptions over graphql-ws', () => {
  const clients: Client[] = [];
  afterEach(() => {
    clients.splice(0).forEach((client) => void client.dispose());
  });

  const connect = (authorization?: string): Client => {
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: authorization === undefined ? {} : { authorization },
    });
    clients.push(client);
    return client;
  };

  const ticks = (client: Client, channel = 'certificates') =>
    client.iterate<{ ticks: { channel: string; count: number } }>({
      query: 'subscription ($channel: String!) { ticks(channel: $channel) { channel count } }',
      variables: { channel },
    });

  it('delivers published events to a subscriber with a valid API key', async () => {
    const iterator = ticks(connect(`Bearer ${server.keys.VIEWER}`))[Symbol.asyncIterator]();
    const first = iterator.next();
    await publishUntilReceived(first, { channel: 'certificates', count: 1 });
    await expect(first).resolves.toEqual({
      done: false,
      value: { data: { ticks: { channel: 'certificates', count: 1 } } },
    });
    await iterator.return?.();
  });

  it('closes the connection of a revoked key', async () => {
    const iterator = ticks(connect(`Bearer ${server.revokedKey}`))[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({
      code: 4403,
      reason: 'UNAUTHENTICATED: the API key is not valid or was revoked',
    });
  });

  it('refuses a subscription without an API key with UNAUTHENTICATED', async () => {
    const iterator = ticks(connect())[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toEqual([
      expect.objectContaining({
        message:
          'ticks needs an API key: send "Authorization: Bearer <API key>" (over the websocket: connectionParams.authorization)',
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
  });

  it('applies the query limits to websocket operations too', async () => {
    const client = connect(`Bearer ${server.keys.VIEWER}`);
    const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: ping`).join(' ');
    const iterator = client.iterate({ query: `{ ${aliases} }` })[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toEqual([
      expect.objectContaining({
        message: 'the document uses 21 aliases; the limit is 20',
        extensions: expect.objectContaining({
          code: 'GRAPHQL_VALIDATION_FAILED',
          limit: 'aliases',
        }),
      }),
    ]);
  });

  it('closes the socket on a message over the 100 kB request body limit (1009), as HTTP answers 413', async () => {
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${server.keys.VIEWER}` },
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      clients.push(client);
      client.subscribe(
        { query: '{ ping }', variables: { padding: 'x'.repeat(100_001) } },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
    });
    await expect(closed).resolves.toBe(1009);
  });

  it.each([
    ['an unknown field', '{ nope }', 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "nope"/],
    ['a syntax error', '{ ping', 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
  ])(
    'answers %s with the code HTTP gives it, not as an internal error',
    async (_, query, code, message) => {
      const client = connect(`Bearer ${server.keys.VIEWER}`);
      const iterator = client.iterate({ query })[Symbol.asyncIterator]();
      await expect(iterator.next()).rejects.toEqual([
        expect.objectContaining({ message: expect.stringMatching(message), extensions: { code } }),
      ]);
    },
  );

  const publishUntilReceived = async (
    received: Promise<unknown>,
    tick: { channel: string; count: number },
  ) => {
    let done = false;
    void received.finally(() => {
      done = true;
    });
    for (let attempt = 0; attempt < 100 && !done; attempt += 1) {
      server.pubSub.publish(TICK, { channel: 'other', count: 0 });
      server.pubSub.publish(TICK, tick);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
});

describe('subscriptions over HTTP', () => {
  it('are refused with BAD_REQUEST naming the websocket, before any resolver runs', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${server.keys.VIEWER}`,
      },
      body: JSON.stringify({ query: 'subscription { ticks(channel: "c") { count } }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: object }[] };
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('websocket') as unknown,
        extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) as unknown,
      }),
    ]);
  });
});

describe('close()', () => {
  it('closes open websockets and stops answering HTTP', async () => {
    const closing = await startTestServer();
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: closing.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
        connectionParams: { authorization: `Bearer ${closing.keys.ADMIN}` },
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.on('connected', () => void closing.close());
    });
    await expect(closed).resolves.toBe(1001);
    await expect(fetch(`${closing.url.replace(/\/graphql$/, '')}/healthz`)).rejects.toThrow();
  });
});
