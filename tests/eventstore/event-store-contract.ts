import { randomUUID } from 'node:crypto';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  isConcurrencyError,
  type EventStore,
  type ExpectedVersion,
  type GlobalPosition,
  type NewEvent,
  type RecordedEvent,
} from '../../src/eventstore';

export interface ContractSubject {
  store: EventStore;
  cleanup(): Promise<void>;
}

const randomLetters = (length: number): string =>
  Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** Names unique to one test, so the suite can run against a shared server that others write to. */
const newRun = () => {
  const suffix = randomLetters(10);
  const category = `ct${suffix}`;
  const typePrefix = `Ct${suffix}`;
  return {
    category,
    otherCategory: `cu${suffix}`,
    stream: (id: string) => `${category}-${id}`,
    type: (name: string) => `${typePrefix}${name}`,
  };
};

const newEvent = (
  type = 'ContractEventRecorded',
  data: unknown = { note: 'contract' },
  metadata: Partial<NewEvent['metadata']> = {},
): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID(), actor: 'contract-test', ...metadata },
});

const newEvents = (count: number, type?: string): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

const ids = (events: readonly { id: string }[]): string[] => events.map((event) => event.id);

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};

const waitFor = async (what: string, condition: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const expectAscending = (positions: readonly GlobalPosition[]) => {
  positions.slice(1).forEach((position, index) => {
    expect(position > positions[index]!).toBe(true);
  });
};

interface Collector {
  events: RecordedEvent[];
  batches: number[];
  checkpoints: GlobalPosition[];
  handler: (events: RecordedEvent[], checkpoint: GlobalPosition) => Promise<void>;
}

const collector = (): Collector => {
  const collected: Collector = {
    events: [],
    batches: [],
    checkpoints: [],
    handler: async (events, checkpoint) => {
      collected.events.push(...events);
      collected.batches.push(events.length);
      collected.checkpoints.push(checkpoint);
      await Promise.resolve();
    },
  };
  return collected;
};

export const eventStoreContract = (name: string, open: () => Promise<ContractSubject>): void => {
  describe(`event store contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });

    afterAll(async () => {
      await subject?.cleanup();
    });

    const seed = async (stream: string, count: number): Promise<NewEvent[]> => {
      const events = newEvents(count);
      await store.appendToStream(stream, events, { expectedVersion: 'no_stream' });
      return events;
    };

    describe('expected version', () => {
      const accepted: [string, ExpectedVersion | undefined, number, number][] = [
        ['any on a new stream', 'any', 0, 1],
        ['no expected version (any) on a new stream', undefined, 0, 1],
        ['no_stream on a new stream', 'no_stream', 0, 1],
        ['exact 0 on a new stream', 0, 0, 1],
        ['any on an existing stream', 'any', 2, 3],
        ['no expected version (any) on an existing stream', undefined, 2, 3],
        ['stream_exists on an existing stream', 'stream_exists', 2, 3],
        ['the exact current version', 2, 2, 3],
      ];
      it.each(accepted)('appends with %s', async (_, expectedVersion, existing, nextVersion) => {
        const run = newRun();
        const stream = run.stream('accepted');
        if (existing > 0) await seed(stream, existing);
        const event = newEvent();

        const result = await store.appendToStream(
          stream,
          [event],
          expectedVersion === undefined ? undefined : { expectedVersion },
        );

        expect(result.nextVersion).toBe(nextVersion);
        const stored = await store.readStream(stream);
        expect(stored).toHaveLength(nextVersion);
        expect(stored[nextVersion - 1]).toMatchObject({ id: event.id, version: nextVersion });
        expect(stored[nextVersion - 1]!.position).toBe(result.position);
      });

      const refused: [string, ExpectedVersion, number][] = [
        ['stream_exists on a new stream', 'stream_exists', 0],
        ['an exact version on a new stream', 1, 0],
        ['no_stream on an existing stream', 'no_stream', 2],
        ['exact 0 on an existing stream', 0, 2],
        ['a version behind the stream', 1, 2],
        ['a version ahead of the stream', 3, 2],
      ];
      it.each(refused)(
        'refuses %s with a ConcurrencyError naming the actual version',
        async (_, expectedVersion, existing) => {
          const run = newRun();
          const stream = run.stream('refused');
          const seeded = existing > 0 ? await seed(stream, existing) : [];

          const error = await rejectionOf(
            store.appendToStream(stream, [newEvent()], { expectedVersion }),
          );

          expect(error).toBeInstanceOf(ConcurrencyError);
          expect(isConcurrencyError(error)).toBe(true);
          expect(error).toMatchObject({ stream, expected: expectedVersion, actual: existing });
          expect(ids(await store.readStream(stream))).toEqual(ids(seeded));
        },
      );

      it('appends several events as consecutive versions', async () => {
        const run = newRun();
        const stream = run.stream('several');
        await seed(stream, 1);
        const events = newEvents(3);

        const result = await store.appendToStream(stream, events, { expectedVersion: 1 });

        expect(result.nextVersion).toBe(4);
        const stored = await store.readStream(stream);
        expect(stored.map((event) => event.version)).toEqual([1, 2, 3, 4]);
        expect(ids(stored.slice(1))).toEqual(ids(events));
        expect(stored[3]!.position).toBe(result.position);
      });
    });

    describe('idempotent appends', () => {
      it('writes nothing twice when the same append is retried', async () => {
        const stream = newRun().stream('retry');
        const events = newEvents(2);

        const first = await store.appendToStream(stream, events, { expectedVersion: 'no_stream' });
        const retry = await store.appendToStream(stream, events, { expectedVersion: 'no_stream' });

        expect(retry).toEqual(first);
        expect(ids(await store.readStream(stream))).toEqual(ids(events));
      });

      it('returns the original result when a retry with any follows the append', async () => {
        const stream = newRun().stream('retryany');
        await seed(stream, 1);
        const events = newEvents(2);

        const first = await store.appendToStream(stream, events, { expectedVersion: 'any' });
        const retry = await store.appendToStream(stream, events, { expectedVersion: 'any' });

        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('returns the original result for a retry made after the stream moved on', async () => {
        const stream = newRun().stream('moved');
        await seed(stream, 1);
        const events = newEvents(2);
        const first = await store.appendToStream(stream, events, { expectedVersion: 1 });
        await store.appendToStream(stream, [newEvent()], { expectedVersion: 3 });

        const retry = await store.appendToStream(stream, events, { expectedVersion: 1 });

        expect(retry).toEqual(first);
        const stored = await store.readStream(stream);
        expect(stored).toHaveLength(4);
        expect(ids(stored.slice(1, 3))).toEqual(ids(events));
      });

      it('refuses a retry whose expected version does not match the original append', async () => {
        const stream = newRun().stream('mismatch');
        const [original] = await seed(stream, 1);
        await store.appendToStream(stream, [newEvent()], { expectedVersion: 1 });

        const error = await rejectionOf(
          store.appendToStream(stream, [original!], { expectedVersion: 1 }),
        );

        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ stream, expected: 1, actual: 2 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it.each([
        [
          'a stored event followed by a new one',
          (a: NewEvent, _b: NewEvent, c: NewEvent) => [a, c],
        ],
        [
          'a new event followed by a stored one',
          (_a: NewEvent, b: NewEvent, c: NewEvent) => [c, b],
        ],
        [
          'the stored run extended by a new event',
          (a: NewEvent, b: NewEvent, c: NewEvent) => [a, b, c],
        ],
      ])('writes nothing when an append partly repeats ids: %s', async (_, pick) => {
        const run = newRun();
        const stream = run.stream('partial');
        const [a, b] = await seed(stream, 2);
        const c = newEvent();

        const error = await rejectionOf(
          store.appendToStream(stream, pick(a!, b!, c), { expectedVersion: 'no_stream' }),
        );

        expect(error instanceof DuplicateEventIdError || error instanceof ConcurrencyError).toBe(
          true,
        );
        expect(ids(await store.readStream(stream))).toEqual([a!.id, b!.id]);
        expect(ids(await store.readAll({ categories: [run.category] }))).not.toContain(c.id);
      });
    });

    describe('reading a stream', () => {
      it('returns an empty list for a stream that does not exist', async () => {
        expect(await store.readStream(newRun().stream('missing'))).toEqual([]);
      });

      it('reads after a version and at most maxCount events, in version order', async () => {
        const stream = newRun().stream('paged');
        const events = await seed(stream, 5);
        const versions = async (fromVersion?: number, maxCount?: number) =>
          (await store.readStream(stream, { fromVersion, maxCount })).map((event) => event.version);

        expect(await versions()).toEqual([1, 2, 3, 4, 5]);
        expect(await versions(2)).toEqual([3, 4, 5]);
        expect(await versions(undefined, 2)).toEqual([1, 2]);
        expect(await versions(2, 2)).toEqual([3, 4]);
        expect(await versions(5)).toEqual([]);
        expect(ids(await store.readStream(stream, { fromVersion: 3 }))).toEqual(
          ids(events.slice(3)),
        );
      });

      it('returns what was appended: id, type, data, stream, version and position', async () => {
        const run = newRun();
        const stream = run.stream('roundtrip');
        const data = {
          text: 'Zertifikat für Müller & Söhne — 認証',
          count: 3,
          ratio: 0.25,
          flags: [true, false, null],
          nested: { due: '2025-03-20', empty: {}, list: [] },
        };
        const event = newEvent(run.type('CertificateIssued'), data);

        const result = await store.appendToStream(stream, [event]);
        const [stored] = await store.readStream(stream);

        expect(stored).toMatchObject({
          id: event.id,
          type: event.type,
          data,
          stream,
          version: 1,
          position: result.position,
        });
      });
    });

    describe('reading all events', () => {
      it('returns events in append order with increasing positions', async () => {
        const run = newRun();
        const appended: NewEvent[] = [];
        for (const id of ['a', 'b', 'a', 'c', 'b']) {
          const event = newEvent();
          appended.push(event);
          await store.appendToStream(run.stream(id), [event]);
        }

        const all = await store.readAll({ categories: [run.category] });

        expect(ids(all)).toEqual(ids(appended));
        expectAscending(all.map((event) => event.position));
        expect(all.map((event) => event.stream)).toEqual(
          ['a', 'b', 'a', 'c', 'b'].map((id) => run.stream(id)),
        );
      });

      it('pages strictly after a position with a limit, without gaps or repeats', async () => {
        const run = newRun();
        await seed(run.stream('one'), 3);
        await seed(run.stream('two'), 4);
        const all = await store.readAll({ categories: [run.category] });

        const paged: RecordedEvent[] = [];
        let after: GlobalPosition | null = null;
        for (;;) {
          const page: RecordedEvent[] = await store.readAll({
            categories: [run.category],
            after,
            limit: 2,
          });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(2);
          paged.push(...page);
          after = page[page.length - 1]!.position;
        }

        expect(all).toHaveLength(7);
        expect(ids(paged)).toEqual(ids(all));
        const fromThird = await store.readAll({
          categories: [run.category],
          after: all[2]!.position,
        });
        expect(ids(fromThird)).toEqual(ids(all.slice(3)));
      });

      it('filters by event type', async () => {
        const run = newRun();
        const opened = run.type('Opened');
        const closed = run.type('Closed');
        const stream = run.stream('types');
        const events = [newEvent(opened), newEvent(closed), newEvent(opened), newEvent(closed)];
        await store.appendToStream(stream, events);

        const openedOnly = await store.readAll({ eventTypes: [opened] });
        const both = await store.readAll({ eventTypes: [closed, opened] });
        const inCategory = await store.readAll({
          eventTypes: [closed],
          categories: [run.category],
        });

        expect(ids(openedOnly)).toEqual([events[0]!.id, events[2]!.id]);
        expect(ids(both)).toEqual(ids(events));
        expect(ids(inCategory)).toEqual([events[1]!.id, events[3]!.id]);
      });

      it('filters by stream category', async () => {
        const run = newRun();
        const first = newEvent();
        const other = newEvent();
        const second = newEvent();
        await store.appendToStream(run.stream('x'), [first]);
        await store.appendToStream(`${run.otherCategory}-x`, [other]);
        await store.appendToStream(run.stream('y'), [second]);

        const mine = await store.readAll({ categories: [run.category] });
        const both = await store.readAll({ categories: [run.otherCategory, run.category] });
        const limited = await store.readAll({ categories: [run.category], limit: 1 });

        expect(ids(mine)).toEqual([first.id, second.id]);
        expect(ids(both)).toEqual([first.id, other.id, second.id]);
        expect(ids(limited)).toEqual([first.id]);
      });
    });

    describe('subscriptions', () => {
      it('catches up, goes live, and resumes from a checkpoint without gaps or repeats', async () => {
        const run = newRun();
        const filter = { categories: [run.category] };
        const appended: NewEvent[] = [];
        const append = async (stream: string, count: number) => {
          const events = newEvents(count);
          await store.appendToStream(stream, events);
          appended.push(...events);
        };
        await append(run.stream('one'), 2);
        await append(run.stream('two'), 1);

        const first = collector();
        const subscription = store.subscribe({ ...filter, batchSize: 2 }, first.handler);
        try {
          await waitFor('catch-up', () => first.events.length >= 3);
          await append(run.stream('one'), 2);
          await waitFor('live events', () => first.events.length >= 5);
        } finally {
          await subscription.close();
        }
        await expect(subscription.done).resolves.toBeUndefined();
        expect(ids(first.events)).toEqual(ids(appended));
        expect(Math.max(...first.batches)).toBeLessThanOrEqual(2);
        const checkpoint = first.checkpoints[first.checkpoints.length - 1]!;
        expect(checkpoint >= first.events[4]!.position).toBe(true);

        await append(run.stream('two'), 2);
        const resumed = collector();
        const again = store.subscribe({ ...filter, after: checkpoint }, resumed.handler);
        try {
          await waitFor('events appended while closed', () => resumed.events.length >= 2);
          await append(run.stream('three'), 1);
          await waitFor('live events after resuming', () => resumed.events.length >= 3);
          await pause(100);
        } finally {
          await again.close();
        }
        expect(ids(resumed.events)).toEqual(ids(appended.slice(5)));
      });

      it('hands over one batch at a time and waits for the handler', async () => {
        const run = newRun();
        const events = await seed(run.stream('slow'), 4);
        const seen: string[] = [];
        let inFlight = 0;
        let maxInFlight = 0;
        const subscription = store.subscribe(
          { categories: [run.category], batchSize: 1 },
          async (batch) => {
            inFlight += 1;
            maxInFlight = Math.max(maxInFlight, inFlight);
            await pause(20);
            seen.push(...ids(batch));
            inFlight -= 1;
          },
        );
        try {
          await waitFor('slow handler', () => seen.length >= 4);
        } finally {
          await subscription.close();
        }

        expect(maxInFlight).toBe(1);
        expect(seen).toEqual(ids(events));
      });

      it('stops and rejects done when the handler throws', async () => {
        const run = newRun();
        await seed(run.stream('failing'), 1);
        const failure = new Error('projection failed');
        let calls = 0;
        const subscription = store.subscribe({ categories: [run.category] }, () => {
          calls += 1;
          return Promise.reject(failure);
        });

        await expect(subscription.done).rejects.toBe(failure);
        await store.appendToStream(run.stream('failing'), [newEvent()]);
        await pause(100);
        await subscription.close();

        expect(calls).toBe(1);
      });

      it('resolves done when closed before any event arrives', async () => {
        const run = newRun();
        const subscription = store.subscribe({ categories: [run.category] }, () =>
          Promise.resolve(),
        );

        await subscription.close();

        await expect(subscription.done).resolves.toBeUndefined();
      });
    });

    describe('metadata', () => {
      it('round-trips correlationId, causationId, actor, recordedAt and schemaVersion', async () => {
        const run = newRun();
        const stream = run.stream('meta');
        const metadata = {
          correlationId: randomUUID(),
          causationId: randomUUID(),
          actor: 'auditor:jane.doe@example.org',
          recordedAt: '2025-03-20T10:15:30.123Z',
          schemaVersion: 3,
        };
        const event = newEvent(run.type('AuditCompleted'), { ok: true }, metadata);
        await store.appendToStream(stream, [event]);

        const [fromStream] = await store.readStream(stream);
        const [fromAll] = await store.readAll({ categories: [run.category] });
        const live = collector();
        const subscription = store.subscribe({ categories: [run.category] }, live.handler);
        try {
          await waitFor('subscription', () => live.events.length >= 1);
        } finally {
          await subscription.close();
        }

        expect(fromStream!.metadata).toEqual(metadata);
        expect(fromAll!.metadata).toEqual(metadata);
        expect(live.events[0]!.metadata).toEqual(metadata);
      });

      it('records defaults: no causation, schema version 1, the time of the append', async () => {
        const stream = newRun().stream('defaults');
        const event = newEvent();
        const before = Date.now();
        await store.appendToStream(stream, [event]);
        const after = Date.now();

        const [stored] = await store.readStream(stream);

        expect(stored!.metadata).toMatchObject({
          correlationId: event.metadata.correlationId,
          causationId: null,
          actor: 'contract-test',
          schemaVersion: 1,
        });
        const recordedAt = Date.parse(stored!.metadata.recordedAt);
        expect(stored!.metadata.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
        expect(recordedAt).toBeGreaterThanOrEqual(before - 1000);
        expect(recordedAt).toBeLessThanOrEqual(after + 1000);
      });
    });
  });
};
