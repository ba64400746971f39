import { BadUserInputError } from '../errors';

/** One component of a keyset: the values of the sort columns of a row, in order. */
export type CursorKey = readonly (string | number | null)[];

/** A paged list: its name, which its cursors carry, and how many sort columns its key has. */
export interface CursorList {
  readonly name: string;
  readonly arity: number;
}

/**
 * An opaque cursor: base64url of the JSON of the list's name followed by the key tuple of the row
 * it points at, so a cursor given to another list is refused.
 */
export const encodeCursor = (list: CursorList, key: CursorKey): string =>
  Buffer.from(JSON.stringify([list.name, ...key]), 'utf8').toString('base64url');

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Decodes a cursor `encodeCursor` made for `list`; anything else is BAD_USER_INPUT. */
export const decodeCursor = (cursor: string, list: CursorList, field = 'after'): CursorKey => {
  const invalid = new BadUserInputError(field, `${field} is not a cursor returned by ${list.name}`);
  if (!BASE64URL.test(cursor)) throw invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(decoded) || decoded.length !== list.arity + 1 || decoded[0] !== list.name) {
    throw invalid;
  }
  const key: unknown[] = decoded.slice(1);
  if (!key.every(isKeyComponent)) throw invalid;
  return key;
};

const isKeyComponent = (value: unknown): value is string | number | null =>
  value === null ||
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value));
