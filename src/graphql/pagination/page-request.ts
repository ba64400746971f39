import { Args, ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { type CursorKey, type CursorList, decodeCursor } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `first`/`after` of a forward Relay connection; use with `@ConnectionArguments()`. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return: 0-${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

/**
 * The `first`/`after` arguments of a resolver. `pageRequest` checks them; class-validator would
 * find no rule to apply, so type-graphql is told not to run it on every request.
 */
export const ConnectionArguments = () => Args(() => ConnectionArgs, { validate: false });

/** What a keyset query needs: how many rows to read (limit + 1, to learn `hasNextPage`) and after which key. */
export interface PageRequest {
  readonly limit: number;
  readonly after: CursorKey | undefined;
  /** The list whose cursors the page's edges get. */
  readonly list: CursorList;
}

/**
 * Validates `first`/`after`. A `first` above the cap is refused (BAD_USER_INPUT), not silently
 * shortened, so a client never mistakes a capped page for the whole answer.
 */
export const pageRequest = (
  { first, after }: { first?: number | null; after?: string | null },
  list: CursorList,
): PageRequest => {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      'first',
      `first must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}`,
    );
  }
  return {
    limit,
    after: after === undefined || after === null ? undefined : decodeCursor(after, list),
    list,
  };
};
