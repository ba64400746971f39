import { type CalendarDate, calendarDate } from '../domain';

/** The only way the service learns the time. Instants are UTC. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is set (tests, demos, `CERTCYCLE_NOW`). */
export class SettableClock implements Clock {
  private instant: Date;
  constructor(instant: Date | string) {
    this.instant = new Date(instant);
    if (Number.isNaN(this.instant.getTime())) {
      throw new RangeError(`invalid clock instant ${JSON.stringify(instant)}`);
    }
  }
  now(): Date {
    return new Date(this.instant);
  }
  set(instant: Date | string): void {
    this.instant = new SettableClock(instant).now();
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone (IANA name, e.g. `Asia/Shanghai`). */
export const calendarDateIn = (instant: Date, timeZone: string): CalendarDate => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return calendarDate(formatter.format(instant));
};

export const today = (clock: Clock, timeZone: string): CalendarDate =>
  calendarDateIn(clock.now(), timeZone);
