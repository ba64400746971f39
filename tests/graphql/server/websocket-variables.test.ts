import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { startTestServer, type TestServer } from '../support/test-server';

let api: ApiHarness;
let production: TestServer;
beforeAll(async () => {
  [api, production] = await Promise.all([startApiHarness(), startTestServer({ production: true })]);
});
afterAll(() => Promise.all([api.close(), production.close()]));

interface WireError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** The errors a subscription over the websocket is refused or answered with. */
const errorsOf = async (
  url: string,
  key: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<WireError[]> => {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${key}` },
  });
  try {
    return await new Promise<WireError[]>((resolve, reject) => {
      client.subscribe(
        { query, variables },
        {
          next: (result) => resolve((result.errors ?? []) as WireError[]),
          error: (error) => resolve(Array.isArray(error) ? (error as WireError[]) : []),
          complete: () => reject(new Error('the subscription completed without an error')),
        },
      );
    });
  } finally {
    await client.dispose();
  }
};

const STATUS_CHANGES = `subscription ($organisationId: ID!) {
  certificateStatusChanged(organisationId: $organisationId) { certificateId status }
}`;

describe('a variable whose value does not fit its type, over the websocket', () => {
  it('is BAD_USER_INPUT naming the variable when it is missing, as over HTTP', async () => {
    const errors = await errorsOf(api.url, api.keys.VIEWER, STATUS_CHANGES, {});
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe(
      'Variable "$organisationId" of required type "ID!" was not provided.',
    );
    expect(errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organisationId',
    });
    expect(api.internalErrors).toEqual([]);
  });

  it('is BAD_USER_INPUT naming the variable when its value has the wrong type', async () => {
    const errors = await errorsOf(api.url, api.keys.VIEWER, STATUS_CHANGES, {
      organisationId: { id: 'org-acme' },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organisationId',
    });
    expect(api.internalErrors).toEqual([]);
  });

  it('is not masked as an internal error in production', async () => {
    const errors = await errorsOf(
      production.url,
      production.keys.VIEWER,
      'subscription ($channel: String!) { ticks(channel: $channel) { count } }',
      {},
    );
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$channel" of required type "String!" was not provided.',
        extensions: { code: 'BAD_USER_INPUT', field: 'channel' },
      }),
    ]);
    expect(production.internalErrors).toEqual([]);
  });
});
