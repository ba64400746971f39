/** The read models did not reach a position in time: the answer would have been stale. */
export class ReadModelTimeoutError extends Error {
  override readonly name = 'ReadModelTimeoutError';
  constructor(
    readonly position: string,
    readonly timeoutMs: number,
  ) {
    super(
      `the read models did not reach event position ${position} within ${timeoutMs} ms; ` +
        'the change is recorded, but queries may not show it yet',
    );
  }
}
