import type { Page } from '../../projections';
import { type Connection, encodeCursor, type PageRequest } from '../pagination';

/** A Relay connection from a page of the read models: each item's key becomes its cursor. */
export const connectionFromPage = <View, Node>(
  page: Page<View>,
  request: PageRequest,
  toNode: (view: View) => Node,
): Connection<Node> => {
  const edges = page.items.map((item) => ({
    node: toNode(item.node),
    cursor: encodeCursor(request.list, item.key),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: request.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
};

/** The `{ first, after }` of a projection query from a validated request. */
export const pageInput = (request: PageRequest) => ({
  first: request.limit,
  ...(request.after === undefined ? {} : { after: request.after }),
});
