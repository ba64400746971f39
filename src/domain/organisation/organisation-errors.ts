import type { CalendarDate } from '../calendar';
import { DomainError } from '../errors';

export class OrganisationAlreadyRegisteredError extends DomainError {
  override readonly name = 'OrganisationAlreadyRegisteredError';
  constructor(organisationId: string, registeredOn: CalendarDate) {
    super(
      'ORGANISATION_ALREADY_REGISTERED',
      `organisation ${organisationId} is already registered (registered on ${registeredOn})`,
    );
  }
}

export class OrganisationNotRegisteredError extends DomainError {
  override readonly name = 'OrganisationNotRegisteredError';
  constructor(organisationId: string, commandType: string) {
    super(
      'ORGANISATION_NOT_REGISTERED',
      `organisation ${organisationId} is not registered: ${commandType} needs a registered organisation`,
    );
  }
}

export class OrganisationMismatchError extends DomainError {
  override readonly name = 'OrganisationMismatchError';
  constructor(commandOrganisationId: string, streamOrganisationId: string) {
    super(
      'ORGANISATION_MISMATCH',
      `the command names organisation ${commandOrganisationId} but was sent to organisation ${streamOrganisationId}`,
    );
  }
}

export class BlankFieldError extends DomainError {
  override readonly name = 'BlankFieldError';
  constructor(field: string) {
    super('REQUIRED_FIELD', `${field} must not be blank`, field);
  }
}

export class FieldTooLongError extends DomainError {
  override readonly name = 'FieldTooLongError';
  constructor(field: string, maximum: number, length: number) {
    super(
      'FIELD_TOO_LONG',
      `${field} has ${length} characters; at most ${maximum} are allowed`,
      field,
    );
  }
}

export class InvalidCountryCodeError extends DomainError {
  override readonly name = 'InvalidCountryCodeError';
  constructor(field: string, value: unknown) {
    super(
      'INVALID_COUNTRY_CODE',
      `${field} ${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 country code in upper case (e.g. CN, DE, GB)`,
      field,
    );
  }
}

export class InvalidDateError extends DomainError {
  override readonly name = 'InvalidDateError';
  constructor(field: string, value: unknown) {
    super(
      'INVALID_DATE',
      `${field} ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`,
      field,
    );
  }
}

/** A fact dated after the day it is recorded on (`latest`: the recording date, or today). */
export class DateInFutureError extends DomainError {
  override readonly name = 'DateInFutureError';
  constructor(
    field: string,
    date: CalendarDate,
    latest: CalendarDate,
    latestName = 'the recording date',
  ) {
    super(
      'DATE_IN_FUTURE',
      `${field} ${date} is after ${latestName}, ${latest}: facts cannot be dated in the future`,
      field,
    );
  }
}

export class DateOutOfOrderError extends DomainError {
  override readonly name = 'DateOutOfOrderError';
  constructor(field: string, date: CalendarDate, earlierFact: string, earlierDate: CalendarDate) {
    super('DATE_OUT_OF_ORDER', `${field} ${date} is before ${earlierFact} on ${earlierDate}`);
  }
}

export class InvalidIdentifierError extends DomainError {
  override readonly name = 'InvalidIdentifierError';
  constructor(field: string, value: unknown) {
    super(
      'INVALID_IDENTIFIER',
      `${field} ${JSON.stringify(value)} is not an identifier: it must be non-empty, without spaces`,
      field,
    );
  }
}

export class DuplicateSiteError extends DomainError {
  override readonly name = 'DuplicateSiteError';
  constructor(siteId: string, reason: string) {
    super('DUPLICATE_SITE', `site ${siteId} ${reason}: site ids are never reused`);
  }
}

export class UnknownSiteError extends DomainError {
  override readonly name = 'UnknownSiteError';
  constructor(siteId: string, organisationId: string, removedOn: CalendarDate | null) {
    super(
      'UNKNOWN_SITE',
      removedOn === null
        ? `organisation ${organisationId} has no site ${siteId}`
        : `site ${siteId} of organisation ${organisationId} was already removed on ${removedOn}`,
    );
  }
}

export class InconsistentConsultancyError extends DomainError {
  override readonly name = 'InconsistentConsultancyError';
  constructor(reason: string) {
    super('CONSULTANCY_INCONSISTENT', `consultancy facts contradict each other: ${reason}`);
  }
}

export class NothingToRecordError extends DomainError {
  override readonly name = 'NothingToRecordError';
  constructor(fields: readonly string[]) {
    super(
      'NOTHING_TO_RECORD',
      `nothing to record: give at least one of ${fields.join(', ')} (a null or absent field ` +
        'stays as it is)',
    );
  }
}

/** [N 5.2.7] The cooling-off period cannot start while a related-body consultancy has not ended. */
export class ConsultancyOngoingError extends DomainError {
  override readonly name = 'ConsultancyOngoingError';
  constructor() {
    super(
      'CONSULTANCY_COOLING_OFF',
      'consultancy by a body related to the certification body has no end date: certification is not possible until it has ended and the cooling-off period (17021-1 5.2.7) has passed',
    );
  }
}
