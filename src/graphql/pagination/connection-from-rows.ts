import type { Connection } from './connection-types';
import { type CursorKey, encodeCursor } from './cursor';
import type { PageRequest } from './page-request';

/**
 * Builds a connection from rows read with `LIMIT request.limit + 1` after the request's key:
 * the extra row only tells that there is a next page.
 */
export const connectionFromRows = <Row, T = Row>(
  rows: readonly Row[],
  request: PageRequest,
  keyOf: (row: Row) => CursorKey,
  toNode: (row: Row) => T = (row) => row as unknown as T,
): Connection<T> => {
  const page = rows.slice(0, request.limit);
  const edges = page.map((row) => ({ node: toNode(row), cursor: encodeCursor(keyOf(row)) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.limit,
      hasPreviousPage: request.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
};
