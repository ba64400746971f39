/** The sort-column values of a row, in order: what an opaque cursor encodes. */
export type PageKey = readonly (string | number | null)[];

/** Forward keyset pagination: at most `first` items after the row whose key is `after`. */
export interface PageInput {
  first?: number | null;
  after?: PageKey | null;
}

export interface PageItem<T> {
  node: T;
  key: PageKey;
}

export interface Page<T> {
  items: PageItem<T>[];
  hasNextPage: boolean;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A page request the read models cannot answer: a negative size or a key of the wrong shape. */
export class InvalidPageInputError extends Error {
  override readonly name = 'InvalidPageInputError';
  constructor(
    readonly field: 'first' | 'after',
    message: string,
  ) {
    super(message);
  }
}

/** `first` capped at MAX_PAGE_SIZE; negative or fractional sizes are refused. */
export const pageSize = (first: number | null | undefined): number => {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0) {
    throw new InvalidPageInputError('first', `first must be a whole number >= 0, got ${size}`);
  }
  return Math.min(size, MAX_PAGE_SIZE);
};

type KeyComponent = 'string' | 'number';

/** Checks that `after` has the shape of this list's keys (undefined when absent). */
export const pageKey = (
  after: PageKey | null | undefined,
  shape: readonly KeyComponent[],
): PageKey | undefined => {
  if (after === null || after === undefined) return undefined;
  const fits =
    after.length === shape.length && after.every((value, index) => typeof value === shape[index]);
  if (!fits) {
    throw new InvalidPageInputError(
      'after',
      `after must be a key of this list (${shape.join(', ')}), got ${JSON.stringify(after)}`,
    );
  }
  return after;
};

/** Builds a page from rows read with LIMIT size + 1: the extra row only says there is more. */
export const toPage = <Row, T>(
  rows: readonly Row[],
  size: number,
  keyOf: (row: Row) => PageKey,
  toNode: (row: Row) => T,
): Page<T> => ({
  items: rows.slice(0, size).map((row) => ({ node: toNode(row), key: keyOf(row) })),
  hasNextPage: rows.length > size,
});
