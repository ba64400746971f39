/**
 * A calendar date (no time, no zone) in ISO form `YYYY-MM-DD`, years 1900-2999.
 * The brand keeps unchecked strings out; values compare correctly as strings.
 */
export type CalendarDate = string & { readonly __calendarDate: unique symbol };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

export class InvalidCalendarDateError extends Error {
  override readonly name = 'InvalidCalendarDateError';
  constructor(readonly input: unknown) {
    super(
      `${JSON.stringify(input)} is not a calendar date (YYYY-MM-DD, years ${MIN_YEAR}-${MAX_YEAR})`,
    );
  }
}

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const fromParts = (year: number, month: number, day: number): CalendarDate => {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new InvalidCalendarDateError(`${year}-${pad(month, 2)}-${pad(day, 2)}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDate;
};

export const parts = (date: CalendarDate): { year: number; month: number; day: number } => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});

export const isCalendarDate = (input: unknown): input is CalendarDate => {
  if (typeof input !== 'string') return false;
  const match = ISO_DATE.exec(input);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return (
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
};

/** Parses `YYYY-MM-DD` strictly; throws InvalidCalendarDateError otherwise. */
export const calendarDate = (input: unknown): CalendarDate => {
  if (!isCalendarDate(input)) throw new InvalidCalendarDateError(input);
  return input;
};

/** Days since 1970-01-01 (negative before). */
export const toEpochDay = (date: CalendarDate): number => {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
};

export const fromEpochDay = (epochDay: number): CalendarDate => {
  const instant = new Date(epochDay * 86_400_000);
  return fromParts(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
};

export const addDays = (date: CalendarDate, days: number): CalendarDate =>
  fromEpochDay(toEpochDay(date) + days);

/** Adds calendar months, clamping to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export const addMonths = (date: CalendarDate, months: number): CalendarDate => {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return fromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
};

/** Adds calendar years, clamping 29 February to 28 February in common years. */
export const addYears = (date: CalendarDate, years: number): CalendarDate =>
  addMonths(date, years * 12);

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number =>
  toEpochDay(to) - toEpochDay(from);

/** The last day a CalendarDate can hold. */
export const LAST_CALENDAR_DATE = `${MAX_YEAR}-12-31` as CalendarDate;

/** `date` + `days`, or LAST_CALENDAR_DATE when that is later: the end of a window that looks ahead. */
export const addDaysUpToLast = (date: CalendarDate, days: number): CalendarDate =>
  daysBetween(date, LAST_CALENDAR_DATE) <= days ? LAST_CALENDAR_DATE : addDays(date, days);

export const minDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b);
export const maxDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b);

/** Last day of the calendar year of `date`. */
export const endOfYear = (date: CalendarDate): CalendarDate => fromParts(parts(date).year, 12, 31);
