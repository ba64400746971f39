import type { CalendarDate } from '../calendar';
import { DomainError } from '../errors';

export class RenewalAfterExpiryError extends DomainError {
  override readonly name = 'RenewalAfterExpiryError';
  constructor(number: string, expiryDate: CalendarDate, decisionDate: CalendarDate) {
    super(
      'RENEWAL_AFTER_EXPIRY',
      `certificate ${number} expired after ${expiryDate}; renewal must be decided on or before that ` +
        `date (decision on ${decisionDate}; restore it instead)`,
    );
  }
}

export class RenewalEffectiveDateError extends DomainError {
  override readonly name = 'RenewalEffectiveDateError';
  constructor(number: string, expiryDate: CalendarDate, effectiveDate: CalendarDate) {
    super(
      'RENEWAL_EFFECTIVE_DATE',
      `certificate ${number} expires on ${expiryDate}; a renewal effective on ${effectiveDate} ` +
        `would leave days without certification (effective on or before the day after expiry)`,
    );
  }
}

export class CertificateNotYetExpiredError extends DomainError {
  override readonly name = 'CertificateNotYetExpiredError';
  constructor(number: string, expiryDate: CalendarDate, what: string, date: CalendarDate) {
    super(
      'CERTIFICATE_NOT_YET_EXPIRED',
      `certificate ${number} is valid until ${expiryDate}; ${what} on ${date} needs it expired ` +
        `(from the day after expiry)`,
    );
  }
}

export class CertificateAlreadyExpiredError extends DomainError {
  override readonly name = 'CertificateAlreadyExpiredError';
  constructor(number: string, expiryDate: CalendarDate, recordedOn: CalendarDate) {
    super(
      'CERTIFICATE_ALREADY_EXPIRED',
      `certificate ${number} expired after ${expiryDate} and was recorded as expired on ${recordedOn}`,
    );
  }
}

export class RestorationNotAllowedError extends DomainError {
  override readonly name = 'RestorationNotAllowedError';
  /** `why`: e.g. "policy CN_CNCA allows no restoration". */
  constructor(number: string, why: string) {
    super(
      'RESTORATION_NOT_ALLOWED',
      `certificate ${number} cannot be restored: ${why} (a new certification from stage 2 is needed)`,
    );
  }
}

export class RestorationWindowPassedError extends DomainError {
  override readonly name = 'RestorationWindowPassedError';
  constructor(number: string, expiryDate: CalendarDate, windowEnd: CalendarDate, refused: string) {
    super(
      'RESTORATION_WINDOW_PASSED',
      `certificate ${number} expired after ${expiryDate}; restoration had to be decided by ` +
        `${windowEnd} (${refused}); at least a new stage 2 audit is needed`,
    );
  }
}
