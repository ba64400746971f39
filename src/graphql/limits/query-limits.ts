/** Limits on what one GraphQL document may ask for; checked during validation, before execution. */
export interface QueryLimits {
  /** Deepest nesting of fields (introspection fields do not count). */
  readonly maxDepth: number;
  /** Aliased fields in the whole document. */
  readonly maxAliases: number;
  /**
   * Cost of one operation: each field counts 1, the fields under a paged list count `first` times
   * (a `first` from a variable, or over the cap, counts as the page-size cap, MAX_PAGE_SIZE), those
   * under any other list of objects `unpagedListLength` times.
   */
  readonly maxCost: number;
  /**
   * How many items a list without `first` (`history`, `deadlines`, `audits` …) is counted as: about
   * what a certificate a few years old has (on the demo store: 5–20 history entries, 3–11
   * deadlines, 1–5 of the others).
   */
  readonly unpagedListLength: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 20,
  maxCost: 10_000,
  unpagedListLength: 10,
};
