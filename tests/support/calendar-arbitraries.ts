import fc from 'fast-check';
import { calendarDate, fromEpochDay, toEpochDay } from '../../src/domain';

/** Any calendar day from `from` to `to`, both included. */
export const dayBetween = (from: string, to: string) =>
  fc
    .integer({ min: toEpochDay(calendarDate(from)), max: toEpochDay(calendarDate(to)) })
    .map(fromEpochDay);
