import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { Certcycle } from '../../../src/composition';
import { Role } from '../../../src/graphql';
import { ADMIN_KEY, startQuietly, testConfig } from '../../composition/composed-service';
import { temporaryDirectory } from '../../eventstore/temp-store';
import { composedApi, dataOf, eventually } from '../webhooks/support/composed-api';

const ORGANISATION = 'org-restart';
const CERTIFICATE = `${ORGANISATION}-cert`;

const SUBSCRIPTION = `subscription ($organisationId: ID!) {
  certificateStatusChanged(organisationId: $organisationId) { certificateId status previousStatus version }
}`;

const CERTIFICATE_STATE = `query ($id: ID!) { certificate(id: $id) { recordedStatus version } }`;

const dir = temporaryDirectory('status-subscription-restart');
const lines: string[] = [];
let app: Certcycle | undefined;
let client: Client | undefined;

afterAll(async () => {
  await client?.dispose();
  await app?.close();
  dir.remove();
});

const start = async (now: string) => {
  app = await startQuietly(testConfig(dir.path, { CERTCYCLE_NOW: now }), lines);
  await app.ready;
  return app;
};

it('closes an open subscription with 1001 on stop; the expiry the first scan after a restart records is there to re-read', async () => {
  const first = await start('2024-09-01T02:00:00Z');
  const api = composedApi(first, ORGANISATION);
  await api.granted(ORGANISATION);

  let connected: () => void = () => undefined;
  const open = new Promise<void>((resolve) => {
    connected = resolve;
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    client = createClient({
      url: first.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${ADMIN_KEY}` },
      on: {
        connected: () => connected(),
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          resolve({ code, reason });
        },
      },
    });
  });
  const changes = client!.iterate({
    query: SUBSCRIPTION,
    variables: { organisationId: ORGANISATION },
  });
  const next = changes[Symbol.asyncIterator]().next();
  await open;

  await first.close();
  await expect(closed).resolves.toEqual({ code: 1001, reason: 'Going away' });
  await expect(next).rejects.toHaveProperty('code', 1001);
  await client!.dispose();
  client = undefined;

  const second = await start('2027-09-01T02:00:00Z');
  const reread = await eventually(async () => {
    const response = await composedApi(second, ORGANISATION).query(Role.VIEWER, CERTIFICATE_STATE, {
      id: CERTIFICATE,
    });
    const { certificate } = dataOf(response) as { certificate: { recordedStatus: string } };
    return certificate.recordedStatus === 'EXPIRED' ? certificate : undefined;
  }, 'the expiry recorded by the first scan after the restart');
  expect(reread).toEqual({ recordedStatus: 'EXPIRED', version: 2 });
}, 60_000);
