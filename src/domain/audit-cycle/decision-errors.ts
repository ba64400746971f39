import { DomainError } from '../errors';

export class CertificationAlreadyDecidedError extends DomainError {
  override readonly name = 'CertificationAlreadyDecidedError';
  constructor(message: string) {
    super('ALREADY_DECIDED', message);
  }
}

export class RefusalReasonsRequiredError extends DomainError {
  override readonly name = 'RefusalReasonsRequiredError';
  constructor(message: string) {
    super('REFUSAL_REASONS_REQUIRED', message, 'reasons');
  }
}

export class Stage2NotCompletedError extends DomainError {
  override readonly name = 'Stage2NotCompletedError';
  constructor(message: string) {
    super('STAGE2_NOT_COMPLETED', message);
  }
}

export class RecertificationAuditNotCompletedError extends DomainError {
  override readonly name = 'RecertificationAuditNotCompletedError';
  constructor(message: string) {
    super('RECERTIFICATION_AUDIT_NOT_COMPLETED', message);
  }
}

export class TransferReviewMissingError extends DomainError {
  override readonly name = 'TransferReviewMissingError';
  constructor(message: string) {
    super('TRANSFER_REVIEW_MISSING', message);
  }
}

export class DecisionBeforeAuditEndError extends DomainError {
  override readonly name = 'DecisionBeforeAuditEndError';
  constructor(message: string) {
    super('DECISION_BEFORE_AUDIT_END', message);
  }
}

export class OpenNonconformitiesError extends DomainError {
  override readonly name = 'OpenNonconformitiesError';
  constructor(message: string) {
    super('OPEN_NONCONFORMITIES', message);
  }
}

/** [N] 9.5: the decision maker took part in no audit of the cycle. */
export class ImpartialityError extends DomainError {
  override readonly name = 'ImpartialityError';
  constructor(message: string) {
    super('IMPARTIALITY', message);
  }
}

/** [N] A stage-2 major NC not verified within the limit: stage 2 must be repeated. */
export class MajorNcVerificationLimitError extends DomainError {
  override readonly name = 'MajorNcVerificationLimitError';
  constructor(message: string) {
    super('MAJOR_NC_VERIFICATION_LIMIT', message);
  }
}

export class RestorationDecisionNotAllowedError extends DomainError {
  override readonly name = 'RestorationDecisionNotAllowedError';
  constructor(message: string) {
    super('RESTORATION_NOT_ALLOWED', message);
  }
}

export class RestorationDecisionTooLateError extends DomainError {
  override readonly name = 'RestorationDecisionTooLateError';
  constructor(message: string) {
    super('RESTORATION_WINDOW_PASSED', message);
  }
}

export class EffectiveDateBeforeDecisionError extends DomainError {
  override readonly name = 'EffectiveDateBeforeDecisionError';
  constructor(message: string) {
    super('EFFECTIVE_BEFORE_DECISION', message);
  }
}

/**
 * A new or transferred certificate takes effect before the next surveillance of its programme is
 * due, not years after its decision.
 */
export class EffectiveDateTooLateError extends DomainError {
  override readonly name = 'EffectiveDateTooLateError';
  constructor(message: string) {
    super('EFFECTIVE_DATE_TOO_LATE', message);
  }
}

export class RecertificationSupersededError extends DomainError {
  override readonly name = 'RecertificationSupersededError';
  constructor(message: string) {
    super('RECERTIFICATION_SUPERSEDED', message);
  }
}

export class RestorationEffectiveDateError extends DomainError {
  override readonly name = 'RestorationEffectiveDateError';
  constructor(message: string) {
    super('RESTORATION_EFFECTIVE_DATE', message);
  }
}
