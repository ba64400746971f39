import { type CalendarDate, isCalendarDate } from '../calendar';
import { InvalidAuditCycleInputError } from './application-errors';

export const requireDate = (value: unknown, field: string): CalendarDate => {
  if (!isCalendarDate(value)) {
    throw new InvalidAuditCycleInputError(
      `${field} must be a calendar date (YYYY-MM-DD), got ${JSON.stringify(value)}`,
      field,
    );
  }
  return value;
};

export const requireText = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidAuditCycleInputError(`${field} must be a non-empty string`, field);
  }
  return value;
};

/** A list of texts; `ids`: of identifiers, each named once (compared without surrounding spaces). */
export const requireTextList = (
  value: unknown,
  field: string,
  { nonEmpty, ids = false }: { nonEmpty: boolean; ids?: boolean },
): string[] => {
  if (!Array.isArray(value))
    throw new InvalidAuditCycleInputError(`${field} must be a list`, field);
  if (nonEmpty && value.length === 0) {
    throw new InvalidAuditCycleInputError(`${field} must name at least one entry`, field);
  }
  const entries = value.map((entry, index) => requireText(entry, `${field}[${index}]`));
  if (!ids) return entries;
  const trimmed = entries.map((entry) => entry.trim());
  const repeated = trimmed.find((entry, index) => trimmed.indexOf(entry) !== index);
  if (repeated !== undefined) {
    throw new InvalidAuditCycleInputError(`${field} names ${repeated} twice`, field);
  }
  return entries;
};

export const requireOneOf = <T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
): T => {
  if (!allowed.includes(value as T)) {
    throw new InvalidAuditCycleInputError(
      `${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
      field,
    );
  }
  return value as T;
};

export const requireOrderedDates = (
  from: CalendarDate,
  to: CalendarDate,
  fromField: string,
  toField: string,
): void => {
  if (to < from) {
    throw new InvalidAuditCycleInputError(
      `${toField} ${to} is before ${fromField} ${from}`,
      toField,
    );
  }
};

/** The audit team: non-empty, each person named once, the lead among its members. */
export const requireTeam = (leadAuditorId: unknown, team: unknown): string[] => {
  const lead = requireText(leadAuditorId, 'leadAuditorId');
  const members = requireTextList(team, 'team', { nonEmpty: true, ids: true });
  if (!members.includes(lead)) {
    throw new InvalidAuditCycleInputError(
      `the lead auditor ${lead} is not on the audit team (${members.join(', ')})`,
      'leadAuditorId',
    );
  }
  return members;
};
