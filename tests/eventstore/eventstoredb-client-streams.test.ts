import { PassThrough } from 'node:stream';
import type { AllStreamRecordedEvent, SubscribeToAllOptions } from '@eventstore/db-client';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream';
import { Subscription } from '@eventstore/db-client/dist/streams/utils/Subscription';
import {
  EventStoreDBEventStore,
  type EventStoreDBClientLike,
  type GlobalPosition,
} from '../../src/eventstore';

/**
 * The client's own ReadStream and Subscription classes, fed by a stand-in for the gRPC response
 * stream: proves the adapter against the client's real stream behaviour, without a server.
 */
const grpcStream = () => Object.assign(new PassThrough({ objectMode: true }), { cancel() {} });

const identity = <T>(value: T): T => value;

const eventResponse = (commit: bigint, stream = 'certificate-1', type = 'CertificateIssued') => {
  const event = {
    streamId: stream,
    id: `id-${commit}`,
    isJson: true,
    revision: 0n,
    type,
    created: new Date('2026-01-01T00:00:00.000Z'),
    data: { commit: Number(commit) },
    metadata: {
      correlationId: 'c',
      causationId: null,
      actor: 'a',
      recordedAt: 'r',
      schemaVersion: 1,
    },
    position: { commit, prepare: commit },
  } as AllStreamRecordedEvent;
  return { hasEvent: () => true, getEvent: () => ({ event }) };
};

const checkpointResponse = (commit: bigint) => ({
  hasCheckpoint: () => true,
  getCheckpoint: () => ({
    getCommitPosition: () => commit.toString(),
    getPreparePosition: () => commit.toString(),
  }),
});

const streamNotFoundResponse = (stream: string) => ({
  hasStreamNotFound: () => true,
  getStreamNotFound: () => ({ getStreamIdentifier: () => ({ getStreamName: () => stream }) }),
});

const encoded = (commit: bigint): string =>
  `${commit.toString().padStart(20, '0')}/${commit.toString().padStart(20, '0')}`;

const clientOver = (grpc: ReturnType<typeof grpcStream>): EventStoreDBClientLike =>
  ({
    readStream: () => new ReadStream(() => Promise.resolve(grpc as never), identity, {}),
    subscribeToAll: (options?: SubscribeToAllOptions) =>
      new Subscription(
        () => Promise.resolve(grpc as never),
        identity,
        {},
        options?.filter?.checkpointReached,
      ),
    dispose: () => Promise.resolve(),
  }) as unknown as EventStoreDBClientLike;

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  if (!condition()) throw new Error('condition not reached');
};

describe('EventStoreDBEventStore over the client stream classes', () => {
  it('returns [] when the server answers a stream read with "stream not found"', async () => {
    const grpc = grpcStream();
    const store = new EventStoreDBEventStore(clientOver(grpc));
    const read = store.readStream('certificate-missing');
    grpc.write(streamNotFoundResponse('certificate-missing'));
    await expect(read).resolves.toEqual([]);
  });

  it('hands server checkpoints over with or after the events that preceded them, then closes', async () => {
    const grpc = grpcStream();
    const store = new EventStoreDBEventStore(clientOver(grpc));
    const batches: { ids: string[]; checkpoint: GlobalPosition }[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const subscription = store.subscribe(
      { categories: ['certificate'] },
      async (events, checkpoint) => {
        batches.push({ ids: events.map((event) => event.id), checkpoint });
        if (batches.length === 1) await blocked;
      },
    );
    grpc.write(eventResponse(9n));
    grpc.write(eventResponse(10n, '$$certificate-1', '$metadata'));
    grpc.write(eventResponse(11n));
    grpc.write(checkpointResponse(30n));
    grpc.write(checkpointResponse(12n));
    await waitFor(() => batches.length === 1);
    release();
    await waitFor(() => batches.at(-1)?.checkpoint === encoded(30n));
    expect(batches[0]).toEqual({ ids: ['id-9'], checkpoint: encoded(9n) });
    expect(batches.flatMap((batch) => batch.ids)).toEqual(['id-9', 'id-11']);
    const checkpoints = batches.map((batch) => batch.checkpoint);
    expect(checkpoints).toEqual([...new Set(checkpoints)].sort());
    await subscription.close();
    await expect(subscription.done).resolves.toBeUndefined();
  });

  it("rejects done with the server's error", async () => {
    const grpc = grpcStream();
    const store = new EventStoreDBEventStore(clientOver(grpc));
    const subscription = store.subscribe({}, () => Promise.resolve());
    const failure = new Error('connection reset');
    await new Promise((resolve) => setTimeout(resolve, 5));
    grpc.emit('error', failure);
    await expect(subscription.done).rejects.toBe(failure);
  });
});
