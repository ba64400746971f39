/**
 * A command refused by a rule of the certification lifecycle. `rule` is a stable machine-readable
 * code (e.g. `IMPARTIALITY`, `SURVEILLANCE_OVERDUE`); the message names the rule and the dates.
 * `field` names the command's input that is malformed (a missing text, a bad date, an end before
 * its start): the refusal is then about the input itself, not a rule of the lifecycle.
 */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  constructor(
    readonly rule: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
