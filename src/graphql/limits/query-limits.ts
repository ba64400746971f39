/** Limits on what one GraphQL document may ask for; checked during validation, before execution. */
export interface QueryLimits {
  /** Deepest nesting of fields (introspection fields do not count). */
  readonly maxDepth: number;
  /** Aliased fields in the whole document. */
  readonly maxAliases: number;
  /**
   * Cost of one operation: each field counts 1, the fields under a list field count `first` times
   * (a `first` from a variable, or over the cap, counts as the page-size cap, MAX_PAGE_SIZE).
   */
  readonly maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 20,
  maxCost: 5_000,
};
