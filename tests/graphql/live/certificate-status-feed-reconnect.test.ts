import type { PubSub } from 'type-graphql';
import { EventStoreDBEventStore, type Reconnecting } from '../../../src/eventstore';
import {
  type CertificateStatusChange,
  startCertificateStatusFeed,
} from '../../../src/graphql/live';
import { FakeEventStoreDBClient } from '../../eventstore/eventstoredb/fake-eventstoredb-client';
import { certificateIssued, certificateSuspended } from '../../webhooks/support/certificate-events';

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  if (!condition()) throw new Error('condition not reached');
};

it('publishes the status changes recorded while the event store was unreachable, each once', async () => {
  const client = new FakeEventStoreDBClient();
  const store = new EventStoreDBEventStore(client);
  await store.appendToStream('certificate-c1', [certificateIssued('c1', 'org-acme')]);
  const published: CertificateStatusChange[] = [];
  const pubSub = {
    publish: (_topic: string, _id: string, change: CertificateStatusChange) =>
      published.push(change),
  } as unknown as PubSub;
  const states: (Reconnecting | null)[] = [];
  const feed = startCertificateStatusFeed({
    store,
    pubSub,
    after: null,
    reconnect: { backoff: { initialMs: 1, maxMs: 4 }, onReconnecting: (s) => states.push(s) },
  });
  await waitFor(() => published.length === 1);

  client.serverDown();
  await waitFor(() => states.length >= 2);
  const { type, data, id } = certificateSuspended('c1');
  client.record('certificate-c1', type, data, {}, id);
  client.serverBack();
  await waitFor(() => states.at(-1) === null);
  await store.appendToStream('certificate-c2', [certificateIssued('c2', 'org-acme')]);
  await waitFor(() => published.length === 3);
  await feed.stop();
  expect(published.map(({ certificateId, status }) => `${certificateId} ${status}`)).toEqual([
    'c1 ACTIVE',
    'c1 SUSPENDED',
    'c2 ACTIVE',
  ]);
});
