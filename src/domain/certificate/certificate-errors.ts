import type { CalendarDate } from '../calendar';
import { DomainError } from '../errors';

/** Malformed command data; `field` names it. */
export class InvalidCertificateCommandError extends DomainError {
  override readonly name = 'InvalidCertificateCommandError';
  constructor(commandType: string, problem: string, field: string) {
    super('INVALID_CERTIFICATE_COMMAND', `${commandType}: ${problem}`, field);
  }
}

export class CertificateNotIssuedError extends DomainError {
  override readonly name = 'CertificateNotIssuedError';
  constructor(certificateId: string, commandType: string) {
    super(
      'CERTIFICATE_NOT_ISSUED',
      `certificate ${certificateId} has not been issued: ${commandType} needs an issued certificate`,
    );
  }
}

export class CertificateAlreadyIssuedError extends DomainError {
  override readonly name = 'CertificateAlreadyIssuedError';
  constructor(certificateId: string, number: string, effectiveDate: CalendarDate) {
    super(
      'CERTIFICATE_ALREADY_ISSUED',
      `certificate ${certificateId} was already issued as ${number} (effective ${effectiveDate})`,
    );
  }
}

export class CertificateMismatchError extends DomainError {
  override readonly name = 'CertificateMismatchError';
  constructor(commandCertificateId: string, streamCertificateId: string) {
    super(
      'CERTIFICATE_MISMATCH',
      `the command names certificate ${commandCertificateId} but was sent to certificate ${streamCertificateId}`,
    );
  }
}

export class EffectiveBeforeDecisionError extends DomainError {
  override readonly name = 'EffectiveBeforeDecisionError';
  constructor(effectiveDate: CalendarDate, decisionDate: CalendarDate) {
    super(
      'EFFECTIVE_BEFORE_DECISION',
      `a certificate cannot be effective on ${effectiveDate}, before its decision on ${decisionDate}`,
    );
  }
}

/** A revision taking effect before one already recorded takes effect. */
export class RevisionBeforeLastRevisionError extends DomainError {
  override readonly name = 'RevisionBeforeLastRevisionError';
  constructor(
    number: string,
    what: string,
    effectiveDate: CalendarDate,
    lastEffectiveOn: CalendarDate,
  ) {
    super(
      'CHANGE_BEFORE_LAST_CHANGE',
      `certificate ${number} has a revision taking effect on ${lastEffectiveOn}; ${what} taking ` +
        `effect on ${effectiveDate} cannot precede it`,
    );
  }
}

export class ChangeBeforeLastChangeError extends DomainError {
  override readonly name = 'ChangeBeforeLastChangeError';
  constructor(number: string, what: string, date: CalendarDate, lastChangeOn: CalendarDate) {
    super(
      'CHANGE_BEFORE_LAST_CHANGE',
      `certificate ${number} has a change recorded on ${lastChangeOn}; ${what} on ${date} cannot precede it`,
    );
  }
}

export class CertificateNotYetEffectiveError extends DomainError {
  override readonly name = 'CertificateNotYetEffectiveError';
  constructor(number: string, what: string, date: CalendarDate, effectiveDate: CalendarDate) {
    super(
      'CERTIFICATE_NOT_YET_EFFECTIVE',
      `certificate ${number} is effective from ${effectiveDate}; ${what} on ${date} is too early`,
    );
  }
}

export class CertificateWithdrawnError extends DomainError {
  override readonly name = 'CertificateWithdrawnError';
  constructor(number: string, withdrawnOn: CalendarDate, what: string) {
    super(
      'CERTIFICATE_WITHDRAWN',
      `certificate ${number} was withdrawn on ${withdrawnOn}; withdrawal is final, so ${what} is refused`,
    );
  }
}

export class CertificateExpiredError extends DomainError {
  override readonly name = 'CertificateExpiredError';
  constructor(number: string, expiryDate: CalendarDate, what: string, date: CalendarDate) {
    super(
      'CERTIFICATE_EXPIRED',
      `certificate ${number} expired after ${expiryDate}; ${what} on ${date} is refused`,
    );
  }
}

export class CertificateSuspendedError extends DomainError {
  override readonly name = 'CertificateSuspendedError';
  constructor(number: string, suspendedOn: CalendarDate, what: string) {
    super(
      'CERTIFICATE_SUSPENDED',
      `certificate ${number} is suspended since ${suspendedOn}; ${what} needs it reinstated first`,
    );
  }
}

/**
 * A suspension left unresolved past its limit ends in withdrawal or a scope reduction
 * (17021-1 9.6.5.2), not in a plain reinstatement.
 */
export class SuspensionLimitPassedError extends DomainError {
  override readonly name = 'SuspensionLimitPassedError';
  constructor(
    number: string,
    suspendedOn: CalendarDate,
    limitDate: CalendarDate,
    reinstatedOn: CalendarDate,
  ) {
    super(
      'SUSPENSION_LIMIT_PASSED',
      `certificate ${number} has been suspended since ${suspendedOn} and its limit ${limitDate} ` +
        `passed before ${reinstatedOn}: withdraw it, or reduce its scope before reinstating it`,
    );
  }
}

export class CertificateNotSuspendedError extends DomainError {
  override readonly name = 'CertificateNotSuspendedError';
  constructor(number: string, date: CalendarDate) {
    super(
      'CERTIFICATE_NOT_SUSPENDED',
      `certificate ${number} is not suspended on ${date}; only a suspended certificate is reinstated`,
    );
  }
}
