import { DomainError } from '../errors';

/** IAF MD 2: only a valid, non-suspended, accredited certificate is transferred. */
export class TransferNotAllowedError extends DomainError {
  override readonly name = 'TransferNotAllowedError';
  constructor(previousNumber: string, previousBody: string, problem: string) {
    super(
      'TRANSFER_NOT_ALLOWED',
      `certificate ${previousNumber} of ${previousBody} cannot be transferred (IAF MD 2): ${problem}`,
    );
  }
}
