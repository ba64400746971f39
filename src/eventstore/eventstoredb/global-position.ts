import { InvalidEventStoreInputError } from '../errors';
import type { GlobalPosition } from '../event-store';

/** A position in EventStoreDB's transaction log. */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

const DIGITS = 20;
const ENCODED = /^(\d{20})\/(\d{20})$/;

const pad = (value: bigint): string => value.toString(10).padStart(DIGITS, '0');

/** Fixed-width decimal commit/prepare pair: string order is log order (uint64 fits in 20 digits). */
export const encodePosition = ({ commit, prepare }: LogPosition): GlobalPosition =>
  `${pad(commit)}/${pad(prepare)}`;

export const decodePosition = (position: GlobalPosition, field: string): LogPosition => {
  const match = ENCODED.exec(position);
  if (!match?.[1] || !match[2]) {
    throw new InvalidEventStoreInputError(
      field,
      `${field} ${JSON.stringify(position)} is not an EventStoreDB position ` +
        '(expected "<20-digit commit>/<20-digit prepare>", as returned by this store)',
    );
  }
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
};
