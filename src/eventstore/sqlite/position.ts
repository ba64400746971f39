import { InvalidEventStoreInputError } from '../errors';
import type { GlobalPosition } from '../event-store';

const POSITION = /^\d{1,20}$/;

/** A rowid as a global position: zero-padded to 20 digits so that positions order as strings. */
export const toPosition = (rowid: number): GlobalPosition => String(rowid).padStart(20, '0');

/** The rowid after which to read; 0 reads from the beginning. */
export const rowidAfter = (after: GlobalPosition | null | undefined): number => {
  if (after === null || after === undefined) return 0;
  const rowid = typeof after === 'string' && POSITION.test(after) ? Number(after) : NaN;
  if (!Number.isSafeInteger(rowid)) {
    throw new InvalidEventStoreInputError(
      'after',
      `invalid position ${JSON.stringify(after)}: expected a position returned by this SQLite store`,
    );
  }
  return rowid;
};
