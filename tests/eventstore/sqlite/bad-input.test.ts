import { randomUUID } from 'node:crypto';
import {
  InvalidEventStoreInputError,
  SqliteEventStore,
  type ExpectedVersion,
  type NewEvent,
} from '../../../src/eventstore';
import { temporaryDirectory } from '../temp-store';

const event = (overrides: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'CertificateIssued',
  data: { certificateId: 'c-1' },
  metadata: { correlationId: 'corr-1', actor: 'tester' },
  ...overrides,
});

const circular: Record<string, unknown> = { name: 'loop' };
circular.self = circular;

type Case = [string, string, () => NewEvent[], ExpectedVersion | undefined, RegExp];

const cases: Case[] = [
  ['an empty stream name', '', () => [event()], 'any', /invalid stream name ""/],
  ['a stream name without a category', 'certificate', () => [event()], 'any', /<category>-<id>/],
  ['an upper-case category', 'Certificate-1', () => [event()], 'any', /invalid stream name/],
  ['a stream id with a space', 'certificate-a b', () => [event()], 'any', /invalid stream name/],
  [
    'a stream id that is too long',
    `certificate-${'x'.repeat(201)}`,
    () => [event()],
    'any',
    /at most 200/,
  ],
  [
    'an event without a type',
    'certificate-1',
    () => [event({ type: undefined })],
    'any',
    /has no valid type/,
  ],
  [
    'an event with an empty type',
    'certificate-1',
    () => [event({ type: '' })],
    'any',
    /has no valid type/,
  ],
  [
    'an event type with spaces',
    'certificate-1',
    () => [event({ type: 'Was Issued' })],
    'any',
    /has no valid type/,
  ],
  ['an event without an id', 'certificate-1', () => [event({ id: '' })], 'any', /has no id/],
  [
    'undefined data',
    'certificate-1',
    () => [event({ data: undefined })],
    'any',
    /not JSON-serialisable/,
  ],
  [
    'a function in the data',
    'certificate-1',
    () => [event({ data: { f: () => 1 } })],
    'any',
    /data\.f \(function\)/,
  ],
  [
    'a bigint in the data',
    'certificate-1',
    () => [event({ data: { n: 10n } })],
    'any',
    /data\.n \(bigint\)/,
  ],
  [
    'NaN in the data',
    'certificate-1',
    () => [event({ data: [1, NaN] })],
    'any',
    /data\[1\] \(NaN\)/,
  ],
  [
    'Infinity in the data',
    'certificate-1',
    () => [event({ data: { n: Infinity } })],
    'any',
    /Infinity/,
  ],
  [
    'a Date in the data',
    'certificate-1',
    () => [event({ data: { at: new Date(0) } })],
    'any',
    /not a plain object/,
  ],
  [
    'a Map in the data',
    'certificate-1',
    () => [event({ data: new Map() })],
    'any',
    /not a plain object/,
  ],
  ['circular data', 'certificate-1', () => [event({ data: circular })], 'any', /circular/],
  [
    'an undefined property in the data',
    'certificate-1',
    () => [event({ data: { a: undefined } })],
    'any',
    /data\.a \(undefined\)/,
  ],
  [
    'metadata without an actor',
    'certificate-1',
    () => [event({ metadata: { correlationId: 'c' } })],
    'any',
    /correlationId and an actor/,
  ],
  [
    'a recordedAt that is not an instant',
    'certificate-1',
    () => [event({ metadata: { correlationId: 'c', actor: 'a', recordedAt: '20 March' } })],
    'any',
    /ISO-8601/,
  ],
  [
    'a schemaVersion of 0',
    'certificate-1',
    () => [event({ metadata: { correlationId: 'c', actor: 'a', schemaVersion: 0 } })],
    'any',
    /schemaVersion 0/,
  ],
  ['no events', 'certificate-1', () => [], 'any', /at least one event/],
  [
    'an id repeated within the append',
    'certificate-1',
    () => {
      const e = event();
      return [e, { ...e }];
    },
    'any',
    /repeats event id/,
  ],
  [
    'a negative expected version',
    'certificate-1',
    () => [event()],
    -1,
    /invalid expected version -1/,
  ],
  [
    'a fractional expected version',
    'certificate-1',
    () => [event()],
    1.5,
    /invalid expected version 1.5/,
  ],
  ['NaN as expected version', 'certificate-1', () => [event()], NaN, /invalid expected version/],
  [
    'an unknown expected version',
    'certificate-1',
    () => [event()],
    'latest' as ExpectedVersion,
    /invalid expected version "latest"/,
  ],
  [
    'a valid event followed by one without a type',
    'certificate-1',
    () => [event(), event({ type: undefined })],
    'any',
    /events\[1\] has no valid type/,
  ],
  [
    'a valid event followed by one with non-JSON data',
    'certificate-1',
    () => [event(), event({ data: { f: Symbol('s') } })],
    'any',
    /events\[1\]\.data\.f \(symbol\)/,
  ],
];

describe('SQLite event store: bad input', () => {
  const directory = temporaryDirectory('bad-input');
  let store: SqliteEventStore;
  const eventCount = () => store.db.prepare('SELECT count(*) FROM events').pluck().get() as number;

  beforeAll(async () => {
    store = new SqliteEventStore(directory.file('events.db'));
    await store.appendToStream('certificate-1', [event(), event()]);
  });

  afterAll(async () => {
    await store.close();
    directory.remove();
  });

  it.each(cases)(
    'refuses %s with a clear error and writes nothing',
    async (_, stream, events, expectedVersion, message) => {
      const before = eventCount();

      const appending = store.appendToStream(stream, events(), { expectedVersion });

      await expect(appending).rejects.toBeInstanceOf(InvalidEventStoreInputError);
      await expect(appending).rejects.toThrow(message);
      expect(eventCount()).toBe(before);
    },
  );

  it.each([
    ['a negative fromVersion', { fromVersion: -1 }],
    ['a fractional maxCount', { maxCount: 2.5 }],
  ])('refuses to read a stream with %s', async (_, options) => {
    await expect(store.readStream('certificate-1', options)).rejects.toThrow(
      InvalidEventStoreInputError,
    );
  });

  it('refuses a position that this store did not produce', async () => {
    await expect(store.readAll({ after: '1:2' })).rejects.toThrow(/invalid position "1:2"/);
    expect(() => store.subscribe({ after: 'abc' }, () => Promise.resolve())).toThrow(
      InvalidEventStoreInputError,
    );
  });
});
