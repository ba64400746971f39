import { type Clock, SettableClock, systemClock } from '../application';
import type { Config } from '../config';

/** The system clock, or a clock fixed at `CERTCYCLE_NOW`. */
export const clockFor = ({ fixedNow }: Pick<Config, 'fixedNow'>): Clock =>
  fixedNow === null ? systemClock : new SettableClock(fixedNow);
