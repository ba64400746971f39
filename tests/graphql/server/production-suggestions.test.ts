import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { post, startTestServer, type TestServer } from '../support/test-server';

let production: TestServer;
let development: TestServer;
beforeAll(async () => {
  [production, development] = await Promise.all([
    startTestServer({ production: true }),
    startTestServer(),
  ]);
});
afterAll(() => Promise.all([production.close(), development.close()]));

const messagesOf = (body: { errors?: readonly { message: string }[] }): string[] =>
  (body.errors ?? []).map((error) => error.message);

/** The errors a subscription over the websocket is refused with. */
const refusal = async (server: TestServer, query: string): Promise<string[]> => {
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${server.keys.VIEWER}` },
  });
  try {
    return await new Promise<string[]>((resolve, reject) => {
      client.subscribe(
        { query },
        {
          next: () => reject(new Error('the subscription was not refused')),
          error: (error) =>
            resolve(Array.isArray(error) ? error.map((e: { message: string }) => e.message) : []),
          complete: () => reject(new Error('the subscription was not refused')),
        },
      );
    });
  } finally {
    await client.dispose();
  }
};

const MISSPELT_SUBSCRIPTION = 'subscription { tick(channel: "a") { count } }';
const MISSPELT_VARIABLE = [
  'mutation ($input: ThingInput!) { createThing(input: $input) }',
  { input: { name: 'thing', nam: 'thing' } },
] as const;

describe('in production, errors suggest no names of the schema (introspection is off)', () => {
  it('over the websocket, as over HTTP', async () => {
    const messages = await refusal(production, MISSPELT_SUBSCRIPTION);
    expect(messages).toEqual(['Cannot query field "tick" on type "Subscription".']);
  });

  it('for a variable whose value names an unknown input field', async () => {
    const [query, variables] = MISSPELT_VARIABLE;
    const response = await post(production.url, query, {
      key: production.keys.ADMIN,
      variables,
    });
    const messages = messagesOf(response.body);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('Field "nam" is not defined by type "ThingInput".');
    expect(messages[0]).not.toContain('Did you mean');
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('outside production, the suggestions stay', () => {
  it('over the websocket', async () => {
    const messages = await refusal(development, MISSPELT_SUBSCRIPTION);
    expect(messages).toEqual([
      'Cannot query field "tick" on type "Subscription". Did you mean "ticks"?',
    ]);
  });

  it('for a variable', async () => {
    const [query, variables] = MISSPELT_VARIABLE;
    const response = await post(development.url, query, {
      key: development.keys.ADMIN,
      variables,
    });
    expect(messagesOf(response.body)[0]).toContain('Did you mean "name"?');
  });
});
