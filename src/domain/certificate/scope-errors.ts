import { DomainError } from '../errors';

export class EmptyScopeError extends DomainError {
  override readonly name = 'EmptyScopeError';
  constructor(number: string, what: string) {
    super(
      'SCOPE_EMPTY',
      `certificate ${number}: ${what} would leave no scope (a scope text and at least one site with its scope are required)`,
    );
  }
}

export class ScopeChangeError extends DomainError {
  override readonly name = 'ScopeChangeError';
  constructor(number: string, problem: string) {
    super('SCOPE_CHANGE', `certificate ${number}: ${problem}`);
  }
}

export class ScopeExtensionAuditMissingError extends DomainError {
  override readonly name = 'ScopeExtensionAuditMissingError';
  constructor(number: string, problem: string) {
    super(
      'SCOPE_EXTENSION_AUDIT_REQUIRED',
      `certificate ${number}: a scope extension follows a surveillance or special audit (ISO/IEC 17021-1 9.6.4); ${problem}`,
    );
  }
}
