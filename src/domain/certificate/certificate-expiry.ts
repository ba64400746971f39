import type { CalendarDate } from '../calendar';
import { cappedExpiry, findStandard, type StandardReference, standardCode } from '../standards';
import { StandardVersionEndedError } from './standard-version-errors';

/**
 * The expiry printed for a standard version: min(expiry, transition end). Refuses a version whose
 * transition end falls before the effective date.
 */
export const expiryForVersion = (
  standard: StandardReference,
  uncappedExpiry: CalendarDate,
  effectiveDate: CalendarDate,
): CalendarDate => {
  const { transitionEnd } = findStandard(standard);
  if (transitionEnd !== null && transitionEnd < effectiveDate) {
    throw new StandardVersionEndedError(standardCode(standard), transitionEnd, effectiveDate);
  }
  return cappedExpiry(standard, uncappedExpiry);
};
