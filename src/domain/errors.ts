/**
 * A command refused by a rule of the certification lifecycle. `rule` is a stable machine-readable
 * code (e.g. `IMPARTIALITY`, `SURVEILLANCE_OVERDUE`); the message names the rule and the dates.
 */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
