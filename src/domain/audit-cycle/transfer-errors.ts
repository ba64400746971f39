import { DomainError } from '../errors';

export class NotATransferError extends DomainError {
  override readonly name = 'NotATransferError';
  constructor(message: string) {
    super('NOT_A_TRANSFER', message);
  }
}

export class TransferReviewAlreadyRecordedError extends DomainError {
  override readonly name = 'TransferReviewAlreadyRecordedError';
  constructor(message: string) {
    super('TRANSFER_REVIEW_ALREADY_RECORDED', message);
  }
}

/** IAF MD 2: only a valid, non-suspended, accredited certificate is transferred. */
export class CertificateNotTransferableError extends DomainError {
  override readonly name = 'CertificateNotTransferableError';
  constructor(message: string) {
    super('TRANSFER_NOT_ALLOWED', message);
  }
}

/**
 * IAF MD 2: outstanding major nonconformities are closed out (by the issuing CB) before the
 * transfer; otherwise the client is treated as a new client.
 */
export class OutstandingMajorNonconformityError extends DomainError {
  override readonly name = 'OutstandingMajorNonconformityError';
  constructor(message: string) {
    super('TRANSFER_OUTSTANDING_MAJOR_NONCONFORMITY', message);
  }
}

/**
 * IAF MD 2: a certification whose surveillance was not completed as its programme required is not
 * in good standing; the client is treated as a new client.
 */
export class TransferSurveillanceOverdueError extends DomainError {
  override readonly name = 'TransferSurveillanceOverdueError';
  constructor(message: string) {
    super('TRANSFER_SURVEILLANCE_OVERDUE', message);
  }
}
