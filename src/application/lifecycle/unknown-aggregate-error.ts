export type AggregateKind = 'organisation' | 'auditCycle' | 'certificate';

/** A command named an aggregate that has no stream (or whose stream never opened): nothing was written. */
export class UnknownAggregateError extends Error {
  override readonly name = 'UnknownAggregateError';
  constructor(
    readonly kind: AggregateKind,
    readonly id: string,
  ) {
    super(`${kind} ${id} does not exist`);
  }
}

/** A command that opens an aggregate named an id that is already taken: nothing was written. */
export class AggregateAlreadyExistsError extends Error {
  override readonly name = 'AggregateAlreadyExistsError';
  constructor(
    readonly kind: AggregateKind,
    readonly id: string,
  ) {
    super(`${kind} ${id} already exists`);
  }
}
