import type { CalendarDate } from '../calendar';
import { DomainError } from '../errors';

export class StandardVersionEndedError extends DomainError {
  override readonly name = 'StandardVersionEndedError';
  constructor(code: string, transitionEnd: CalendarDate, effectiveDate: CalendarDate) {
    super(
      'STANDARD_VERSION_ENDED',
      `certificates to ${code} are not valid after its transition end ${transitionEnd}; ` +
        `a certificate effective on ${effectiveDate} cannot be to that version`,
    );
  }
}

export class StandardVersionNotAllowedError extends DomainError {
  override readonly name = 'StandardVersionNotAllowedError';
  constructor(number: string, current: string, requested: string, allowed: string) {
    super(
      'STANDARD_VERSION_NOT_ALLOWED',
      `certificate ${number} is to ${current}; it cannot move to ${requested} (allowed: ${allowed})`,
    );
  }
}

export class TransitionAfterEndError extends DomainError {
  override readonly name = 'TransitionAfterEndError';
  constructor(code: string, transitionEnd: CalendarDate, date: CalendarDate) {
    super(
      'TRANSITION_AFTER_END',
      `the transition from ${code} ended on ${transitionEnd}; a transition on ${date} is too late`,
    );
  }
}

export class TransitionAuditMissingError extends DomainError {
  override readonly name = 'TransitionAuditMissingError';
  constructor(number: string, target: string, problem: string) {
    super(
      'TRANSITION_AUDIT_REQUIRED',
      `certificate ${number} moves to ${target} after a transition audit (IAF transition resolutions); ${problem}`,
    );
  }
}
