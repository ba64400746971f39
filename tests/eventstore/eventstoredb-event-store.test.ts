import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  EventStoreDBClient,
  FORWARDS,
  NotLeaderError,
  START,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  ConcurrencyError,
  EventStoreDBEventStore,
  EventStoreUnavailableError,
  InvalidEventStoreInputError,
  type NewEvent,
} from '../../src/eventstore';
import { FakeEventStoreDBClient } from './eventstoredb/fake-eventstoredb-client';

const NOW = new Date('2026-03-04T05:06:07.000Z');

/** A read whose first item is the client's error. */
const failingRead = (failure: Error) =>
  Object.assign(
    Readable.from(
      (async function* () {
        await Promise.resolve();
        yield* [];
        throw failure;
      })(),
    ),
    { cancel: () => Promise.resolve() },
  );

/** A UUID (the only ids EventStoreDB takes) that shows the short label it stands for. */
const uuidFor = (label: string): string =>
  `00000000-0000-4000-8000-${Buffer.from(label).toString('hex').padStart(12, '0')}`;

const newEvent = (
  label: string,
  type = 'CertificateIssued',
  data: unknown = { id: label },
): NewEvent => ({
  id: uuidFor(label),
  type,
  data,
  metadata: { correlationId: `corr-${label}`, causationId: `cause-${label}`, actor: 'auditor-7' },
});

const setup = () => {
  const client = new FakeEventStoreDBClient();
  const store = new EventStoreDBEventStore(client, { now: () => NOW });
  return { client, store };
};

const encoded = (commit: bigint): string =>
  `${commit.toString().padStart(20, '0')}/${commit.toString().padStart(20, '0')}`;

describe('EventStoreDBEventStore.appendToStream', () => {
  it.each([
    ['any', 'any'],
    ['no_stream', 'no_stream'],
    [0, 'no_stream'],
  ] as const)('sends expected version %p as revision %p', async (expectedVersion, revision) => {
    const { client, store } = setup();
    await store.appendToStream('certificate-1', [newEvent('e1')], { expectedVersion });
    expect(client.appends[0]?.options?.expectedRevision).toBe(revision);
  });

  it('sends an exact version as the revision of the last event (version - 1)', async () => {
    const { client, store } = setup();
    await store.appendToStream('certificate-1', [newEvent('e1'), newEvent('e2')]);
    await store.appendToStream('certificate-1', [newEvent('e3')], { expectedVersion: 2 });
    await store.appendToStream('certificate-1', [newEvent('e4')], {
      expectedVersion: 'stream_exists',
    });
    expect(client.appends.map((append) => append.options?.expectedRevision)).toEqual([
      'any',
      1n,
      'stream_exists',
    ]);
  });

  it('returns the next version and the encoded position of the last event', async () => {
    const { store } = setup();
    const first = await store.appendToStream('certificate-1', [newEvent('e1'), newEvent('e2')], {
      expectedVersion: 'no_stream',
    });
    expect(first).toEqual({ nextVersion: 2, position: encoded(9n) });
    const second = await store.appendToStream('certificate-1', [newEvent('e3')], {
      expectedVersion: 2,
    });
    expect(second).toEqual({ nextVersion: 3, position: encoded(10n) });
  });

  it('reads the position back when the server acknowledges an append without one', async () => {
    const { client, store } = setup();
    client.omitAppendPosition = true;
    await store.appendToStream('certificate-1', [newEvent('e1')]);
    const result = await store.appendToStream('certificate-1', [newEvent('e2')]);
    expect(result).toEqual({ nextVersion: 2, position: encoded(9n) });
  });

  it('writes the port id as event id, JSON data and the envelope with $correlationId and $causationId', async () => {
    const { client, store } = setup();
    await store.appendToStream('certificate-1', [
      newEvent('e1', 'CertificateIssued', { expiry: '2029-01-01', scopes: ['a'] }),
      {
        id: uuidFor('e2'),
        type: 'CertificateSuspended',
        data: { reason: 'x' },
        metadata: {
          correlationId: 'c2',
          actor: 'ops',
          recordedAt: '2026-01-01T00:00:00.000Z',
          schemaVersion: 3,
        },
      },
    ]);
    const [first, second] = client.appends[0]!.events;
    expect(first).toEqual({
      id: uuidFor('e1'),
      contentType: 'application/json',
      type: 'CertificateIssued',
      data: { expiry: '2029-01-01', scopes: ['a'] },
      metadata: {
        correlationId: 'corr-e1',
        causationId: 'cause-e1',
        actor: 'auditor-7',
        recordedAt: NOW.toISOString(),
        schemaVersion: 1,
        $correlationId: 'corr-e1',
        $causationId: 'cause-e1',
      },
    });
    expect(second?.metadata).toEqual({
      correlationId: 'c2',
      causationId: null,
      actor: 'ops',
      recordedAt: '2026-01-01T00:00:00.000Z',
      schemaVersion: 3,
      $correlationId: 'c2',
      $causationId: null,
    });
  });

  it('turns a wrong expected version into a ConcurrencyError in port versions', async () => {
    const { store } = setup();
    await store.appendToStream('certificate-1', [newEvent('e1'), newEvent('e2'), newEvent('e3')]);
    const error = await store
      .appendToStream('certificate-1', [newEvent('e4')], { expectedVersion: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ stream: 'certificate-1', expected: 1, actual: 3 });
  });

  it.each(['no_stream', 0] as const)(
    'reports the actual version of an existing stream when %p was expected',
    async (expectedVersion) => {
      const { store } = setup();
      await store.appendToStream('certificate-1', [newEvent('e1')]);
      await expect(
        store.appendToStream('certificate-1', [newEvent('e2')], { expectedVersion }),
      ).rejects.toMatchObject({ name: 'ConcurrencyError', expected: expectedVersion, actual: 1 });
    },
  );

  it.each(['stream_exists', 4] as const)(
    'reports actual version 0 when the server says "no_stream" (expected %p)',
    async (expectedVersion) => {
      const { store } = setup();
      await expect(
        store.appendToStream('certificate-1', [newEvent('e1')], { expectedVersion }),
      ).rejects.toMatchObject({
        name: 'ConcurrencyError',
        stream: 'certificate-1',
        expected: expectedVersion,
        actual: 0,
      });
    },
  );

  it('accepts a current revision the client reports as a decimal string', async () => {
    const client = new FakeEventStoreDBClient();
    client.appendToStream = () =>
      Promise.reject(
        new WrongExpectedVersionError(undefined, {
          streamName: 'certificate-1',
          expected: 0n,
          current: '6' as unknown as bigint,
        }),
      );
    const store = new EventStoreDBEventStore(client);
    await expect(
      store.appendToStream('certificate-1', [newEvent('e1')], { expectedVersion: 1 }),
    ).rejects.toMatchObject({ expected: 1, actual: 7 });
  });

  it.each([
    ['an exact version behind the stream', 1, 2],
    ['no_stream on an existing stream', 'no_stream', 2],
    ['stream_exists on a new stream', 'stream_exists', 0],
  ] as const)(
    'refuses %s when the client reports failures as results (throwOnAppendFailure=false)',
    async (_case, expectedVersion, existing) => {
      const { client, store } = setup();
      if (existing > 0) {
        await store.appendToStream('certificate-1', [newEvent('e1'), newEvent('e2')]);
      }
      client.failuresAsResults = true;
      const before = client.log.length;
      await expect(
        store.appendToStream('certificate-1', [newEvent('e9')], { expectedVersion }),
      ).rejects.toMatchObject({
        name: 'ConcurrencyError',
        stream: 'certificate-1',
        expected: expectedVersion,
        actual: existing,
      });
      expect(client.log).toHaveLength(before);
    },
  );

  const leaderMoved = () =>
    new NotLeaderError({
      metadata: {
        getMap: () => ({ 'leader-endpoint-host': 'node-b', 'leader-endpoint-port': '2113' }),
      },
    } as unknown as ConstructorParameters<typeof NotLeaderError>[0]);

  it.each([
    ['a server that does not answer', () => new UnavailableError(undefined, 'server down')],
    ['a deadline passed', () => new DeadlineExceededError(undefined, 'deadline exceeded')],
    ["the server's timeout", () => new TimeoutError(undefined, 'timed out')],
    ['a call the server cancelled', () => new CancelledError(undefined, 'shutting down')],
    ['a leader change', leaderMoved],
  ])(
    'rejects with EventStoreUnavailableError, its cause the client error, on %s',
    async (_, make) => {
      const failure = make();
      const client = new FakeEventStoreDBClient();
      client.appendToStream = () => Promise.reject(failure);
      client.readStream = () => failingRead(failure);
      client.readAll = () => failingRead(failure);
      const store = new EventStoreDBEventStore(client);
      for (const call of [
        () => store.appendToStream('certificate-1', [newEvent('e1')]),
        () => store.readStream('certificate-1'),
        () => store.readAll(),
      ]) {
        const error = await call().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect((error as Error).cause).toBe(failure);
      }
    },
  );

  it('passes client errors that are not transient through unchanged', async () => {
    const client = new FakeEventStoreDBClient();
    const denied = new AccessDeniedError(undefined, 'access denied');
    client.appendToStream = () => Promise.reject(denied);
    const store = new EventStoreDBEventStore(client);
    await expect(store.appendToStream('certificate-1', [newEvent('e1')])).rejects.toBe(denied);
  });

  it.each([
    ['an invalid stream name', 'Certificate 1', [newEvent('e1')], 'any', 'stream'],
    ['no events', 'certificate-1', [], 'any', 'events'],
    [
      'an event without a type',
      'certificate-1',
      [{ ...newEvent('e1'), type: '' }],
      'any',
      'events[0].type',
    ],
    [
      'data that is not JSON',
      'certificate-1',
      [newEvent('e1', 'T', { at: new Date() })],
      'any',
      'events[0].data',
    ],
    [
      'a repeated event id',
      'certificate-1',
      [newEvent('e1'), newEvent('e1')],
      'any',
      'events[1].id',
    ],
    ['a negative expected version', 'certificate-1', [newEvent('e1')], -1, 'expectedVersion'],
    ['a fractional expected version', 'certificate-1', [newEvent('e1')], 1.5, 'expectedVersion'],
    [
      'an event id that is not a UUID (the server cannot store it)',
      'certificate-1',
      [{ ...newEvent('e1'), id: 'e1' }],
      'any',
      'events[0].id',
    ],
    [
      'an upper-case UUID (the server would hand it back in lower case)',
      'certificate-1',
      [newEvent('e1'), { ...newEvent('e2'), id: 'F47AC10B-58CC-4372-A567-0E02B2C3D479' }],
      'any',
      'events[1].id',
    ],
  ] as const)(
    'refuses %s before calling the server',
    async (_case, stream, events, expectedVersion, field) => {
      const { client, store } = setup();
      const error = await store
        .appendToStream(stream, events as unknown as NewEvent[], {
          expectedVersion: expectedVersion as 'any',
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidEventStoreInputError);
      expect(error).toMatchObject({ field });
      expect(client.calls).toEqual([]);
    },
  );
});

describe('EventStoreDBEventStore.readStream', () => {
  it('returns [] for a stream that does not exist (the client fails while iterating)', async () => {
    const { client, store } = setup();
    const read = client.readStream('certificate-missing');
    await expect(read.toArray()).rejects.toBeInstanceOf(StreamNotFoundError);
    await expect(store.readStream('certificate-missing')).resolves.toEqual([]);
  });

  it('converts recorded events: version = revision + 1, port metadata only, encoded position', async () => {
    const { store } = setup();
    await store.appendToStream('certificate-1', [newEvent('e1'), newEvent('e2')]);
    const events = await store.readStream('certificate-1');
    expect(events).toEqual([
      {
        id: uuidFor('e1'),
        type: 'CertificateIssued',
        data: { id: 'e1' },
        metadata: {
          correlationId: 'corr-e1',
          causationId: 'cause-e1',
          actor: 'auditor-7',
          recordedAt: NOW.toISOString(),
          schemaVersion: 1,
        },
        stream: 'certificate-1',
        version: 1,
        position: encoded(8n),
      },
      expect.objectContaining({ version: 2, position: encoded(9n) }),
    ]);
  });

  it('reads from a version (events after it) and at most maxCount events', async () => {
    const { store } = setup();
    await store.appendToStream(
      'certificate-1',
      ['a', 'b', 'c', 'd'].map((id) => newEvent(id)),
    );
    const versions = async (options: { fromVersion?: number; maxCount?: number }) =>
      (await store.readStream('certificate-1', options)).map((event) => event.version);
    expect(await versions({ fromVersion: 2 })).toEqual([3, 4]);
    expect(await versions({ fromVersion: 1, maxCount: 2 })).toEqual([2, 3]);
    expect(await versions({ fromVersion: 4 })).toEqual([]);
    expect(await versions({ maxCount: 0 })).toEqual([]);
  });

  it('refuses events the server sent without a log position (servers before 22.6)', async () => {
    const { client, store } = setup();
    await store.appendToStream('certificate-1', [newEvent('e1')]);
    const readStream = client.readStream.bind(client);
    // What the client makes of the server's "unknown" position: the largest uint64, not undefined.
    const unknown = 2n ** 64n - 1n;
    let cancelled = 0;
    client.readStream = (stream, options) =>
      Object.assign(
        Readable.from(
          (async function* () {
            for await (const { event } of readStream(stream, options)) {
              yield { event: { ...event, position: { commit: unknown, prepare: unknown } } };
            }
          })(),
        ),
        { cancel: () => Promise.resolve(void (cancelled += 1)) },
      );
    await expect(store.readStream('certificate-1')).rejects.toThrow(
      'without a log position (needs server 22.6 or later)',
    );
    expect(cancelled).toBe(1);
    client.omitAppendPosition = true;
    await expect(store.appendToStream('certificate-1', [newEvent('e2')])).rejects.toThrow(
      'returned no position for certificate-1 at revision 1',
    );
  });

  it('refuses a negative fromVersion before calling the server', async () => {
    const { client, store } = setup();
    await expect(store.readStream('certificate-1', { fromVersion: -1 })).rejects.toBeInstanceOf(
      InvalidEventStoreInputError,
    );
    expect(client.calls).toEqual([]);
  });
});

describe('EventStoreDBEventStore.readAll', () => {
  const seed = async () => {
    const { client, store } = setup();
    client.record('$$certificate-1', '$metadata');
    await store.appendToStream('certificate-1', [newEvent('c1', 'CertificateIssued')]);
    client.record('$ce-certificate', '$>');
    client.record('$stats-127.0.0.1:2113', 'StatsCollected');
    await store.appendToStream('organisation-1', [newEvent('o1', 'OrganisationRegistered')]);
    await store.appendToStream('certificate-2', [newEvent('c2', 'CertificateIssued')]);
    await store.appendToStream('certificate-1', [newEvent('c3', 'CertificateSuspended')]);
    return { client, store };
  };
  const ids = (events: { data: unknown }[]) =>
    events.map((event) => (event.data as { id: string }).id);

  it('returns events in log order and skips system events and system streams', async () => {
    const { store } = await seed();
    expect(ids(await store.readAll())).toEqual(['c1', 'o1', 'c2', 'c3']);
  });

  it('returns only events strictly after the given position (the server includes it)', async () => {
    const { store } = await seed();
    const all = await store.readAll();
    const after = all[1]!.position;
    expect(ids(await store.readAll({ after }))).toEqual(['c2', 'c3']);
    expect(await store.readAll({ after: all[3]!.position })).toEqual([]);
  });

  it('filters by event type and by category, and stops at the limit', async () => {
    const { store } = await seed();
    expect(ids(await store.readAll({ eventTypes: ['CertificateIssued'] }))).toEqual(['c1', 'c2']);
    expect(ids(await store.readAll({ categories: ['certificate'] }))).toEqual(['c1', 'c2', 'c3']);
    expect(
      ids(
        await store.readAll({ categories: ['certificate'], eventTypes: ['CertificateSuspended'] }),
      ),
    ).toEqual(['c3']);
    expect(ids(await store.readAll({ limit: 2 }))).toEqual(['c1', 'o1']);
    expect(await store.readAll({ limit: 0 })).toEqual([]);
  });

  it('cancels the server read when it stops at the limit or at an event it cannot convert', async () => {
    const { client, store } = await seed();
    const readAll = client.readAll.bind(client);
    let cancelled = 0;
    let unknownPositionAt: number | null = null;
    client.readAll = (options) => {
      const read = readAll(options);
      return Object.assign(
        Readable.from(
          (async function* () {
            let index = 0;
            for await (const { event } of read) {
              const unknown = index++ === unknownPositionAt ? 2n ** 64n - 1n : null;
              yield unknown === null
                ? { event }
                : { event: { ...event, position: { commit: unknown, prepare: unknown } } };
            }
          })(),
        ),
        { cancel: () => Promise.resolve(void (cancelled += 1)) },
      );
    };
    expect(ids(await store.readAll())).toEqual(['c1', 'o1', 'c2', 'c3']);
    expect(cancelled).toBe(0);
    expect(ids(await store.readAll({ limit: 2 }))).toEqual(['c1', 'o1']);
    expect(cancelled).toBe(1);
    unknownPositionAt = 1;
    await expect(store.readAll()).rejects.toThrow('without a log position');
    expect(cancelled).toBe(2);
  });

  it('refuses a position it did not produce before calling the server', async () => {
    const { client, store } = setup();
    await expect(store.readAll({ after: '17' })).rejects.toMatchObject({
      name: 'InvalidEventStoreInputError',
      field: 'after',
    });
    expect(client.calls).toEqual([]);
  });
});

describe('EventStoreDBEventStore.checkReachable', () => {
  it('reads one event of $all from the start, as a subscription starts', async () => {
    const { client, store } = setup();
    await store.appendToStream('certificate-1', [newEvent('c1'), newEvent('c2')]);
    const readAll = client.readAll.bind(client);
    const asked: unknown[] = [];
    client.readAll = (options) => {
      asked.push(options);
      return readAll(options);
    };
    await store.checkReachable();
    expect(asked).toEqual([{ fromPosition: START, direction: FORWARDS, maxCount: 1 }]);
  });

  it("rejects with the client's error when the server does not answer", async () => {
    const { client, store } = setup();
    const unavailable = new UnavailableError(undefined, 'server down');
    client.readAll = () =>
      Object.assign(
        Readable.from(
          (async function* () {
            await Promise.resolve();
            yield* [];
            throw unavailable;
          })(),
        ),
        { cancel: () => Promise.resolve() },
      );
    await expect(store.checkReachable()).rejects.toBe(unavailable);
  });
});

describe('EventStoreDBEventStore.checkReachable given no answer', () => {
  it('rejects with UnavailableError once the time is up, and cancels the read', async () => {
    const { client, store } = setup();
    let cancelled = false;
    client.readAll = () =>
      Object.assign(
        Readable.from(
          (async function* () {
            await new Promise(() => undefined);
            yield* [];
          })(),
        ),
        {
          cancel: () => {
            cancelled = true;
            return Promise.resolve();
          },
        },
      );
    const checked = store.checkReachable(50);
    await expect(checked).rejects.toBeInstanceOf(UnavailableError);
    await expect(checked).rejects.toThrow('no answer within 0.05 s');
    expect(cancelled).toBe(true);
  });

  it('rejects when the server takes the connection and never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket)).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as AddressInfo;
    const store = new EventStoreDBEventStore(`esdb://127.0.0.1:${port}?tls=false`);
    try {
      const started = Date.now();
      await expect(store.checkReachable(300)).rejects.toBeInstanceOf(UnavailableError);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  }, 10_000);
});

describe('EventStoreDBEventStore.close', () => {
  it('disposes a client it created from a connection string, not one it was given', async () => {
    const { client, store } = setup();
    await store.close();
    expect(client.disposed).toBe(false);
    const created = new FakeEventStoreDBClient();
    const connect = jest
      .spyOn(EventStoreDBClient, 'connectionString')
      .mockReturnValue(created as unknown as EventStoreDBClient);
    const owned = new EventStoreDBEventStore('esdb://localhost:2113?tls=false');
    await owned.close();
    expect(connect).toHaveBeenCalledWith('esdb://localhost:2113?tls=false');
    expect(created.disposed).toBe(true);
    connect.mockRestore();
  });
});
