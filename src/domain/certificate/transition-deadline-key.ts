import type { CalendarDate } from '../calendar';

const RESTORED = ':restored:';

/**
 * `TRANSITION_DEADLINE:<old version's code>` for the first stretch of the certificate to that
 * version in force on or after its successor's publication; `…:restored:<date>` for a later one,
 * which a restoration to the old version on that date started after an expiry.
 */
export const transitionDeadlineKey = (code: string, restoredOn: CalendarDate | null): string =>
  `TRANSITION_DEADLINE:${code}${restoredOn === null ? '' : `${RESTORED}${restoredOn}`}`;

/** The key of the first stretch's transition deadline, given the key of any stretch's. */
export const firstTransitionDeadlineKey = (key: string): string => {
  const at = key.indexOf(RESTORED);
  return at === -1 ? key : key.slice(0, at);
};
