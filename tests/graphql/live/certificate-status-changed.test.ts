import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '../../../src/graphql';
import {
  CERTIFICATE_STATUS_CHANGED,
  type CertificateStatusFeed,
  startCertificateStatusFeed,
} from '../../../src/graphql/live';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { grantedOverHttp, mutate } from '../mutations/lifecycle-over-http';

let api: ApiHarness;
let feed: CertificateStatusFeed;
const clients: Client[] = [];

beforeAll(async () => {
  api = await startApiHarness({ clientOrganisationId: 'org-live' });
  await grantedOverHttp(api, 'org-live');
  await grantedOverHttp(api, 'org-elsewhere');
  feed = startCertificateStatusFeed({
    store: api.store,
    pubSub: api.pubSub,
    after: api.runner.position,
  });
}, 60_000);
afterAll(async () => {
  await feed.stop();
  await api.close();
});
afterEach(() => {
  clients.splice(0).forEach((client) => void client.dispose());
});

const connect = (key: string, param = 'authorization'): Client => {
  const client = createClient({
    url: api.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { [param]: `Bearer ${key}` },
  });
  clients.push(client);
  return client;
};

const SUBSCRIPTION = `subscription ($organisationId: ID!) {
  certificateStatusChanged(organisationId: $organisationId) {
    certificateId organisationId number status previousStatus changedOn version
  }
}`;

const PROBE = {
  certificateId: 'probe',
  number: 'probe',
  status: 'ACTIVE',
  previousStatus: null,
  changedOn: '2025-01-01',
  version: 0,
};

/**
 * Subscribes and resolves once the server delivers to the subscription: a probe change is
 * published straight to the pubSub until it arrives.
 */
const subscribe = async (key: string, organisationId: string) => {
  const changes = connect(key).iterate<{ certificateStatusChanged: Record<string, unknown> }>({
    query: SUBSCRIPTION,
    variables: { organisationId },
  });
  const iterator = changes[Symbol.asyncIterator]();
  const probe = iterator.next();
  let arrived = false;
  void probe.finally(() => {
    arrived = true;
  });
  for (let attempt = 0; attempt < 100 && !arrived; attempt += 1) {
    api.pubSub.publish(CERTIFICATE_STATUS_CHANGED, organisationId, { ...PROBE, organisationId });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await expect(probe).resolves.toMatchObject({
    value: { data: { certificateStatusChanged: { certificateId: 'probe' } } },
  });
  return { iterator, next: iterator.next() };
};

const suspend = (certificateId: string, suspendedOn: string) =>
  mutate(api, Role.DECISION_MAKER, 'suspendCertificate', {
    certificateId,
    grounds: 'MISUSE_OF_MARKS',
    details: 'certification mark on a product',
    ownFault: true,
    suspendedOn,
  });

it('delivers certificateStatusChanged to a websocket subscriber after a suspension', async () => {
  const { iterator, next } = await subscribe(api.keys.CLIENT, 'org-live');
  const { number } = await suspend('org-live-cert', '2025-02-10');
  await expect(next).resolves.toEqual({
    done: false,
    value: {
      data: {
        certificateStatusChanged: {
          certificateId: 'org-live-cert',
          organisationId: 'org-live',
          number,
          status: 'SUSPENDED',
          previousStatus: 'ACTIVE',
          changedOn: '2025-02-10',
          version: 2,
        },
      },
    },
  });
  await iterator.return?.();
});

it("does not deliver another organisation's changes", async () => {
  const { iterator, next } = await subscribe(api.keys.VIEWER, 'org-live');
  await suspend('org-elsewhere-cert', '2025-02-11');
  await mutate(api, Role.DECISION_MAKER, 'reinstateCertificate', {
    certificateId: 'org-live-cert',
    reason: 'mark removed',
    reinstatedOn: '2025-02-12',
  });
  await expect(next).resolves.toMatchObject({
    value: {
      data: {
        certificateStatusChanged: {
          certificateId: 'org-live-cert',
          status: 'ACTIVE',
          previousStatus: 'SUSPENDED',
          version: 3,
        },
      },
    },
  });
  await iterator.return?.();
});

it('reads the key from connectionParams.Authorization too', async () => {
  const changes = connect(api.keys.CLIENT, 'Authorization').iterate({
    query: SUBSCRIPTION,
    variables: { organisationId: 'org-elsewhere' },
  });
  await expect(changes[Symbol.asyncIterator]().next()).resolves.toMatchObject({
    value: { errors: [{ extensions: { code: 'FORBIDDEN' } }] },
  });
});

it("refuses a CLIENT key a subscription to another organisation's certificates", async () => {
  const changes = connect(api.keys.CLIENT).iterate({
    query: SUBSCRIPTION,
    variables: { organisationId: 'org-elsewhere' },
  });
  const iterator = changes[Symbol.asyncIterator]();
  await expect(iterator.next()).resolves.toMatchObject({
    value: { errors: [{ extensions: { code: 'FORBIDDEN' } }] },
  });
});

it.each([
  ['certificateStatusChanged', 'certificateId'],
  ['deadlineReminder', 'certificateId'],
])(
  '%s answers NOT_FOUND for an organisation that is not registered, and ends',
  async (field, selection) => {
    const changes = connect(api.keys.VIEWER).iterate({
      query: `subscription { ${field}(organisationId: "org-unknown") { ${selection} } }`,
    });
    const iterator = changes[Symbol.asyncIterator]();
    await expect(iterator.next()).resolves.toMatchObject({
      value: {
        errors: [
          {
            message: 'Organisation org-unknown was not found',
            extensions: {
              code: 'NOT_FOUND',
              entity: 'Organisation',
              id: 'org-unknown',
              field: 'organisationId',
            },
          },
        ],
      },
    });
    await expect(iterator.next()).resolves.toMatchObject({ done: true });
  },
);

it('answers a CLIENT key FORBIDDEN, not NOT_FOUND, for an unknown organisation', async () => {
  const changes = connect(api.keys.CLIENT).iterate({
    query: SUBSCRIPTION,
    variables: { organisationId: 'org-unknown' },
  });
  await expect(changes[Symbol.asyncIterator]().next()).resolves.toMatchObject({
    value: { errors: [{ extensions: { code: 'FORBIDDEN' } }] },
  });
});

it('stops a subscription whose key is revoked while the socket is open, closing it with 4403', async () => {
  const { key, record } = api.apiKeys.create({ personId: 'person-revoked', role: Role.VIEWER });
  const { next } = await subscribe(key, 'org-live');
  api.apiKeys.revoke(record.id);
  api.pubSub.publish(CERTIFICATE_STATUS_CHANGED, 'org-live', {
    ...PROBE,
    organisationId: 'org-live',
  });
  await expect(next).rejects.toMatchObject({ code: 4403 });
  const again = connect(key).iterate({
    query: SUBSCRIPTION,
    variables: { organisationId: 'org-live' },
  });
  await expect(again[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 4403 });
});
