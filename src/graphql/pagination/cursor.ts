import { BadUserInputError } from '../errors';

/** One component of a keyset: the values of the sort columns of a row, in order. */
export type CursorKey = readonly (string | number | null)[];

/** An opaque cursor: base64url of the JSON key tuple of the row it points at. */
export const encodeCursor = (key: CursorKey): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Decodes a cursor made by `encodeCursor` with `arity` components; anything else is BAD_USER_INPUT. */
export const decodeCursor = (cursor: string, arity: number, field = 'after'): CursorKey => {
  const invalid = new BadUserInputError(field, `${field} is not a cursor returned by this API`);
  if (!BASE64URL.test(cursor)) throw invalid;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(key) || key.length !== arity || !key.every(isKeyComponent)) throw invalid;
  return key;
};

const isKeyComponent = (value: unknown): value is string | number | null =>
  value === null ||
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value));
