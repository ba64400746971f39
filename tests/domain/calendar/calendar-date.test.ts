import fc from 'fast-check';
import { Temporal } from '@js-temporal/polyfill';
import {
  InvalidCalendarDateError,
  addDays,
  addDaysUpToLast,
  addMonths,
  addYears,
  calendarDate,
  daysBetween,
  endOfYear,
  fromEpochDay,
  isCalendarDate,
  LAST_CALENDAR_DATE,
  toEpochDay,
} from '../../../src/domain';

const anyDate = fc
  .integer({
    min: toEpochDay(calendarDate('1950-01-01')),
    max: toEpochDay(calendarDate('2900-12-31')),
  })
  .map(fromEpochDay);

const plain = (date: string) => Temporal.PlainDate.from(date);

describe('calendar dates', () => {
  it.each(['2024-02-29', '2000-02-29', '1999-12-31', '2025-01-01'])('accepts %s', (input) => {
    expect(calendarDate(input)).toBe(input);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-13-01',
    '2024-04-31',
    '2024-1-01',
    '20240101',
    '2024-01-01T00:00:00Z',
    ' 2024-01-01',
    '',
    null,
    20240101,
  ])('refuses %p with a message naming the value', (input) => {
    expect(() => calendarDate(input)).toThrow(InvalidCalendarDateError);
    expect(() => calendarDate(input)).toThrow(JSON.stringify(input));
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonths(calendarDate('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(calendarDate('2024-02-29'), 12)).toBe('2025-02-28');
    expect(addMonths(calendarDate('2024-03-31'), -1)).toBe('2024-02-29');
    expect(addYears(calendarDate('2024-02-29'), 4)).toBe('2028-02-29');
  });

  it('gives the last day of the year', () => {
    expect(endOfYear(calendarDate('2024-06-15'))).toBe('2024-12-31');
  });

  it('adds days like Temporal', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        const expected = plain(date).add({ days }).toString();
        fc.pre(isCalendarDate(expected));
        expect(addDays(date, days)).toBe(expected);
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });

  it('ends a window looking ahead at the last calendar date, where adding days would pass it', () => {
    const nearTheEnd = fc
      .integer({ min: toEpochDay(calendarDate('2990-01-01')), max: toEpochDay(LAST_CALENDAR_DATE) })
      .map(fromEpochDay);
    fc.assert(
      fc.property(
        fc.oneof(anyDate, nearTheEnd),
        fc.integer({ min: 0, max: 3660 }),
        (date, days) => {
          const expected = plain(date).add({ days }).toString();
          expect(addDaysUpToLast(date, days)).toBe(
            isCalendarDate(expected) ? expected : LAST_CALENDAR_DATE,
          );
        },
      ),
    );
    expect(LAST_CALENDAR_DATE).toBe('2999-12-31');
  });

  it('adds months and years like Temporal with overflow constrain', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -600, max: 600 }), (date, months) => {
        expect(addMonths(date, months)).toBe(plain(date).add({ months }).toString());
        const years = Math.trunc(months / 12);
        expect(addYears(date, years)).toBe(plain(date).add({ years }).toString());
      }),
    );
  });

  it('orders dates as strings exactly as on the calendar', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(Math.sign(Temporal.PlainDate.compare(plain(a), plain(b)))).toBe(
          Math.sign(daysBetween(b, a)),
        );
        expect(a < b).toBe(daysBetween(a, b) > 0);
      }),
    );
  });
});
