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

interface ZoneDates {
  formatter: Intl.DateTimeFormat;
  /** The UTC minute (ms since the epoch / 60,000) of the last instant formatted, and its date. */
  minute: number;
  date: CalendarDate | null;
}

const zones = new Map<string, ZoneDates>();

const zoneDates = (timeZone: string): ZoneDates => {
  let zone = zones.get(timeZone);
  if (!zone) {
    const formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    zone = { formatter, minute: NaN, date: null };
    zones.set(timeZone, zone);
  }
  return zone;
};

/**
 * The calendar date of an instant in a time zone (IANA name, e.g. `Asia/Shanghai`). Today's zones
 * change their offsets in whole minutes, so a date stays the same within a UTC minute: the last
 * one is kept (a request asks for "today" once per field).
 */
export const calendarDateIn = (instant: Date, timeZone: string): CalendarDate => {
  const zone = zoneDates(timeZone);
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== zone.minute || zone.date === null) {
    zone.date = calendarDate(zone.formatter.format(instant));
    zone.minute = minute;
  }
  return zone.date;
};

export const today = (clock: Clock, timeZone: string): CalendarDate =>
  calendarDateIn(clock.now(), timeZone);
