import { DomainError } from '../errors';

/** The audit kind does not belong to this kind of cycle (or standard). */
export class AuditKindNotAllowedError extends DomainError {
  override readonly name = 'AuditKindNotAllowedError';
  constructor(message: string) {
    super('AUDIT_KIND_NOT_ALLOWED', message);
  }
}

/** Audits out of order: stage 2 before stage 1, surveillance before the decision, 2 before 1. */
export class AuditOrderError extends DomainError {
  override readonly name = 'AuditOrderError';
  constructor(message: string) {
    super('AUDIT_ORDER', message);
  }
}

export class DuplicateAuditError extends DomainError {
  override readonly name = 'DuplicateAuditError';
  constructor(message: string) {
    super('DUPLICATE_AUDIT', message);
  }
}

export class AuditNotFoundError extends DomainError {
  override readonly name = 'AuditNotFoundError';
  constructor(message: string) {
    super('AUDIT_NOT_FOUND', message);
  }
}

export class AuditAlreadyCompletedError extends DomainError {
  override readonly name = 'AuditAlreadyCompletedError';
  constructor(message: string) {
    super('AUDIT_ALREADY_COMPLETED', message);
  }
}

export class AuditNotCompletedError extends DomainError {
  override readonly name = 'AuditNotCompletedError';
  constructor(message: string) {
    super('AUDIT_NOT_COMPLETED', message);
  }
}

/** [CB] Stage 2 more than the policy window after stage 1: stage 1 must be repeated. */
export class Stage2WindowExceededError extends DomainError {
  override readonly name = 'Stage2WindowExceededError';
  constructor(message: string) {
    super('STAGE2_WINDOW_EXCEEDED', message);
  }
}
