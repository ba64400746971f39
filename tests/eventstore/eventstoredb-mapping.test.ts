import fc from 'fast-check';
import { InvalidEventStoreInputError } from '../../src/eventstore';
import {
  toEventStoreDBMetadata,
  toPortMetadata,
} from '../../src/eventstore/eventstoredb/event-metadata';
import { isSelected, serverFilterFor } from '../../src/eventstore/eventstoredb/event-selection';
import {
  toExpectedRevision,
  versionOfRevision,
} from '../../src/eventstore/eventstoredb/expected-revision';
import { decodePosition, encodePosition } from '../../src/eventstore/eventstoredb/global-position';

describe('EventStoreDB expected revision', () => {
  it.each([
    ['any', 'any'],
    ['no_stream', 'no_stream'],
    ['stream_exists', 'stream_exists'],
    [0, 'no_stream'],
    [1, 0n],
    [42, 41n],
  ] as const)('maps expected version %p to revision %p', (version, revision) => {
    expect(toExpectedRevision(version)).toBe(revision);
  });

  it.each([
    ['no_stream', 0],
    [0n, 1],
    [41n, 42],
    ['41', 42],
  ] as const)('maps current revision %p to version %p', (revision, version) => {
    expect(versionOfRevision(revision)).toBe(version);
  });

  it('round-trips every exact version through its revision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER - 1 }), (version) => {
        const revision = toExpectedRevision(version);
        return typeof revision === 'bigint' && versionOfRevision(revision) === version;
      }),
    );
  });
});

describe('EventStoreDB global position encoding', () => {
  const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
  const position = fc.record({ commit: uint64, prepare: uint64 });
  const compare = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

  it('orders encoded positions as strings exactly as the log orders them', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        const expected = compare(a.commit, b.commit) || compare(a.prepare, b.prepare);
        const encodedA = encodePosition(a);
        const encodedB = encodePosition(b);
        const actual = encodedA < encodedB ? -1 : encodedA > encodedB ? 1 : 0;
        return actual === expected;
      }),
    );
  });

  it('orders commit 9 before commit 10', () => {
    expect(
      encodePosition({ commit: 9n, prepare: 9n }) < encodePosition({ commit: 10n, prepare: 10n }),
    ).toBe(true);
  });

  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(position, (p) => {
        expect(decodePosition(encodePosition(p), 'after')).toEqual(p);
      }),
    );
  });

  it.each(['', '12', '00000000000000000012', 'a/b', '1/2'])('refuses %p as a position', (text) => {
    expect(() => decodePosition(text, 'after')).toThrow(InvalidEventStoreInputError);
  });
});

describe('EventStoreDB metadata', () => {
  it('writes $correlationId and $causationId beside the envelope', () => {
    const stored = toEventStoreDBMetadata(
      JSON.stringify({
        correlationId: 'c-1',
        causationId: 'k-1',
        actor: 'auditor',
        recordedAt: '2026-01-01T00:00:00.000Z',
        schemaVersion: 2,
      }),
    );
    expect(stored).toEqual({
      correlationId: 'c-1',
      causationId: 'k-1',
      actor: 'auditor',
      recordedAt: '2026-01-01T00:00:00.000Z',
      schemaVersion: 2,
      $correlationId: 'c-1',
      $causationId: 'k-1',
    });
  });

  it('reads back only the port fields', () => {
    const created = new Date('2026-02-03T04:05:06.000Z');
    expect(
      toPortMetadata(
        {
          correlationId: 'c',
          causationId: null,
          actor: 'a',
          recordedAt: 'r',
          schemaVersion: 3,
          $correlationId: 'c',
          extra: 1,
        },
        created,
      ),
    ).toEqual({
      correlationId: 'c',
      causationId: null,
      actor: 'a',
      recordedAt: 'r',
      schemaVersion: 3,
    });
  });

  it('gives events written by other tools neutral metadata', () => {
    const created = new Date('2026-02-03T04:05:06.000Z');
    expect(toPortMetadata(new Uint8Array([1, 2]), created)).toEqual({
      correlationId: '',
      causationId: null,
      actor: '',
      recordedAt: '2026-02-03T04:05:06.000Z',
      schemaVersion: 1,
    });
    expect(toPortMetadata({ $correlationId: 'x', $causationId: 'y' }, created)).toMatchObject({
      correlationId: 'x',
      causationId: 'y',
    });
  });
});

describe('EventStoreDB event selection', () => {
  it('never selects system events or events of system streams', () => {
    expect(isSelected({ type: '$metadata', stream: '$$certificate-1' }, {})).toBe(false);
    expect(isSelected({ type: '$>', stream: '$ce-certificate' }, {})).toBe(false);
    expect(isSelected({ type: 'Tick', stream: '$stats-127.0.0.1:2113' }, {})).toBe(false);
    expect(isSelected({ type: 'CertificateIssued', stream: 'certificate-1' }, {})).toBe(true);
  });

  it('selects by event type and by category (the part before the first dash)', () => {
    const event = { type: 'CertificateIssued', stream: 'certificate-a-b' };
    expect(isSelected(event, { eventTypes: ['CertificateIssued'] })).toBe(true);
    expect(isSelected(event, { eventTypes: ['CertificateSuspended'] })).toBe(false);
    expect(isSelected(event, { categories: ['certificate'] })).toBe(true);
    expect(isSelected(event, { categories: ['certificate-a'] })).toBe(false);
    expect(isSelected(event, { eventTypes: [], categories: [] })).toBe(true);
  });

  it('asks the server for exact event types, category prefixes, or no system events', () => {
    const types = serverFilterFor({ eventTypes: ['Audit.Done', 'B'], categories: ['x'] });
    expect(types).toEqual({ on: 'eventType', regex: '^(?:Audit\\.Done|B)$' });
    const regex = new RegExp(types.on === 'eventType' ? types.regex : '');
    expect(['Audit.Done', 'B', 'AuditXDone', 'Bee'].map((t) => regex.test(t))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(serverFilterFor({ categories: ['certificate'] })).toEqual({
      on: 'streamName',
      prefixes: ['certificate-'],
    });
    const all = serverFilterFor({});
    expect(all.on === 'eventType' && new RegExp(all.regex).test('$metadata')).toBe(false);
    expect(all.on === 'eventType' && new RegExp(all.regex).test('CertificateIssued')).toBe(true);
  });
});
