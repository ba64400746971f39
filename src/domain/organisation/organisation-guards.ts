import { type CalendarDate, isCalendarDate } from '../calendar';
import { isCountryCode } from './country-codes';
import {
  BlankFieldError,
  DateInFutureError,
  DateOutOfOrderError,
  FieldTooLongError,
  InvalidCountryCodeError,
  InvalidDateError,
  InvalidIdentifierError,
  OrganisationMismatchError,
  OrganisationNotRegisteredError,
} from './organisation-errors';
import type { OrganisationState, RegisteredOrganisation } from './organisation-state';

/** Lengths in Unicode code points. */
export const MAXIMUM_LENGTH = {
  identifier: 100,
  name: 200,
  registrationNumber: 50,
  address: 500,
  description: 1000,
} as const;

/** Trimmed, non-blank text of at most `maximum` code points. */
export const requiredText = (field: string, value: unknown, maximum: number): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new BlankFieldError(field);
  const length = [...text].length;
  if (length > maximum) throw new FieldTooLongError(field, maximum, length);
  return text;
};

export const identifier = (field: string, value: unknown): string => {
  if (typeof value !== 'string' || value === '' || /\s/.test(value)) {
    throw new InvalidIdentifierError(field, value);
  }
  return requiredText(field, value, MAXIMUM_LENGTH.identifier);
};

export const countryCode = (field: string, value: unknown): string => {
  if (typeof value !== 'string' || !isCountryCode(value)) {
    throw new InvalidCountryCodeError(field, value);
  }
  return value;
};

export const validDate = (field: string, value: unknown): CalendarDate => {
  if (!isCalendarDate(value)) throw new InvalidDateError(field, value);
  return value;
};

/** A fact's date, which may not lie after the date it is recorded on. */
export const pastDate = (field: string, value: unknown, recordedOn: CalendarDate): CalendarDate => {
  const date = validDate(field, value);
  if (date > recordedOn) throw new DateInFutureError(field, date, recordedOn);
  return date;
};

export const requireRegistered = (
  state: OrganisationState,
  command: { type: string; data: { organisationId: string } },
): RegisteredOrganisation => {
  const { organisationId } = command.data;
  if (state.status !== 'REGISTERED') {
    throw new OrganisationNotRegisteredError(organisationId, command.type);
  }
  if (organisationId !== state.organisationId) {
    throw new OrganisationMismatchError(organisationId, state.organisationId);
  }
  return state;
};

/** The date a command is recorded on: a calendar date, not before the organisation was registered. */
export const commandDate = (
  field: string,
  value: unknown,
  state: RegisteredOrganisation,
): CalendarDate => {
  const date = validDate(field, value);
  if (date < state.registeredOn) {
    throw new DateOutOfOrderError(
      field,
      date,
      'the organisation was registered',
      state.registeredOn,
    );
  }
  return date;
};

export const requireActor = (value: unknown): string =>
  requiredText('actor', value, MAXIMUM_LENGTH.identifier);
