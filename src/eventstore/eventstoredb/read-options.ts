import { InvalidEventStoreInputError } from '../errors';
import type { EventFilter } from '../event-store';

/** Throws unless `value` is undefined or a whole number >= `min`. */
export const assertOptionalCount = (value: unknown, field: string, min: number): void => {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InvalidEventStoreInputError(
      field,
      `invalid ${field} ${JSON.stringify(value)}: use a whole number >= ${min}`,
    );
  }
};

const isStringList = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Throws unless the filter's lists are absent or lists of strings. */
export const assertFilter = (filter: EventFilter): void => {
  for (const field of ['eventTypes', 'categories'] as const) {
    if (filter[field] !== undefined && !isStringList(filter[field])) {
      throw new InvalidEventStoreInputError(field, `${field} must be a list of strings`);
    }
  }
};
