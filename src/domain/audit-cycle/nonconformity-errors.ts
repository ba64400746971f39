import { DomainError } from '../errors';

export class DuplicateNonconformityError extends DomainError {
  override readonly name = 'DuplicateNonconformityError';
  constructor(message: string) {
    super('DUPLICATE_NONCONFORMITY', message);
  }
}

export class NonconformityNotFoundError extends DomainError {
  override readonly name = 'NonconformityNotFoundError';
  constructor(message: string) {
    super('NONCONFORMITY_NOT_FOUND', message);
  }
}

export class NonconformityClosedError extends DomainError {
  override readonly name = 'NonconformityClosedError';
  constructor(message: string) {
    super('NONCONFORMITY_CLOSED', message);
  }
}

export class CorrectiveActionPlanAlreadyAcceptedError extends DomainError {
  override readonly name = 'CorrectiveActionPlanAlreadyAcceptedError';
  constructor(message: string) {
    super('CORRECTIVE_ACTION_PLAN_ALREADY_ACCEPTED', message);
  }
}

export class EscalationDisabledError extends DomainError {
  override readonly name = 'EscalationDisabledError';
  constructor(message: string) {
    super('ESCALATION_DISABLED', message);
  }
}

export class NotAMinorNonconformityError extends DomainError {
  override readonly name = 'NotAMinorNonconformityError';
  constructor(message: string) {
    super('NOT_A_MINOR_NONCONFORMITY', message);
  }
}

export class NonconformityNotOverdueError extends DomainError {
  override readonly name = 'NonconformityNotOverdueError';
  constructor(message: string) {
    super('NONCONFORMITY_NOT_OVERDUE', message);
  }
}
