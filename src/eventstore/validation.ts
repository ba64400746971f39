import { InvalidEventStoreInputError } from './errors';
import type { ExpectedVersion, NewEvent } from './event-store';
import { streamCategory } from './stream-name';

const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.]{0,99}$/;

export const assertExpectedVersion = (expected: ExpectedVersion): void => {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
    throw new InvalidEventStoreInputError(
      'expectedVersion',
      `invalid expected version ${JSON.stringify(expected)}: use 'any', 'no_stream', ` +
        `'stream_exists' or a whole number >= 0`,
    );
  }
};

/** Finds the first part of a value that JSON cannot carry faithfully, or null. */
const nonJsonPart = (value: unknown, path: string): string | null => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `${path} (${value})`;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const bad = nonJsonPart(value[i], `${path}[${i}]`);
          if (bad) return bad;
        }
        return null;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return `${path} (not a plain object)`;
      for (const [key, inner] of Object.entries(value)) {
        const bad = nonJsonPart(inner, `${path}.${key}`);
        if (bad) return bad;
      }
      return null;
    }
    default:
      return `${path} (${typeof value})`;
  }
};

const serialise = (value: unknown, field: string): string => {
  let bad: string | null;
  try {
    bad = nonJsonPart(value, field);
  } catch {
    bad = `${field} (too deeply nested or circular)`;
  }
  if (bad)
    throw new InvalidEventStoreInputError(field, `${field} is not JSON-serialisable: ${bad}`);
  return JSON.stringify(value);
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const assertOptionalMetadata = (metadata: NewEvent['metadata'], at: string): void => {
  const { causationId, recordedAt, schemaVersion } = metadata;
  if (causationId !== undefined && causationId !== null && typeof causationId !== 'string') {
    throw new InvalidEventStoreInputError(
      `${at}.metadata.causationId`,
      `${at} has a causationId that is not a string`,
    );
  }
  if (
    recordedAt !== undefined &&
    (typeof recordedAt !== 'string' ||
      !ISO_INSTANT.test(recordedAt) ||
      Number.isNaN(Date.parse(recordedAt)))
  ) {
    throw new InvalidEventStoreInputError(
      `${at}.metadata.recordedAt`,
      `${at} has recordedAt ${JSON.stringify(recordedAt)}: expected an ISO-8601 instant`,
    );
  }
  if (
    schemaVersion !== undefined &&
    (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion) || schemaVersion < 1)
  ) {
    throw new InvalidEventStoreInputError(
      `${at}.metadata.schemaVersion`,
      `${at} has schemaVersion ${JSON.stringify(schemaVersion)}: expected a whole number >= 1`,
    );
  }
};

export interface SerialisedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

/**
 * Checks a whole append before anything is written and returns the events serialised.
 * Throws InvalidEventStoreInputError naming the first offending field.
 */
export const validateAppend = (
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedVersion,
  recordedAt: string,
): SerialisedEvent[] => {
  streamCategory(stream);
  assertExpectedVersion(expected);
  const list: unknown = events;
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidEventStoreInputError('events', 'an append needs at least one event');
  }
  const ids = new Set<string>();
  return events.map((event, index) => {
    const at = `events[${index}]`;
    if (typeof event?.id !== 'string' || event.id.length === 0 || event.id.length > 100) {
      throw new InvalidEventStoreInputError(`${at}.id`, `${at} has no id (1-100 characters)`);
    }
    if (ids.has(event.id)) {
      throw new InvalidEventStoreInputError(`${at}.id`, `${at} repeats event id ${event.id}`);
    }
    ids.add(event.id);
    if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
      throw new InvalidEventStoreInputError(
        `${at}.type`,
        `${at} has no valid type (got ${JSON.stringify(event.type)})`,
      );
    }
    const { metadata } = event;
    if (typeof metadata?.correlationId !== 'string' || typeof metadata.actor !== 'string') {
      throw new InvalidEventStoreInputError(
        `${at}.metadata`,
        `${at} needs metadata with a correlationId and an actor`,
      );
    }
    assertOptionalMetadata(metadata, at);
    return {
      id: event.id,
      type: event.type,
      data: serialise(event.data, `${at}.data`),
      metadata: serialise(
        {
          correlationId: metadata.correlationId,
          causationId: metadata.causationId ?? null,
          actor: metadata.actor,
          recordedAt: metadata.recordedAt ?? recordedAt,
          schemaVersion: metadata.schemaVersion ?? 1,
        },
        `${at}.metadata`,
      ),
    };
  });
};
