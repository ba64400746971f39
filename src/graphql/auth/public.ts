import { Extensions } from 'type-graphql';

export const PUBLIC_EXTENSION = 'public';

/**
 * Marks a root query, mutation or subscription field as reachable without an API key. Every other
 * root field refuses callers without a key (see `assertOperationAllowed`).
 */
export const Public = (): MethodDecorator & PropertyDecorator =>
  Extensions({ [PUBLIC_EXTENSION]: true });
