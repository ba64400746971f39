import { addDays, addMonths, addYears, type CalendarDate } from '../calendar';
import type { CertificationPolicy } from './certification-policy';

/**
 * Expiry of a first cycle (17021-1 8.2.2). DAY_BEFORE_ANNIVERSARY: `(effective - 1 day) + years`
 * (2024-03-20 -> 2027-03-19; 2024-02-29 -> 2027-02-28). ANNIVERSARY: `effective + years`.
 */
export const expiryFromEffective = (
  effectiveDate: CalendarDate,
  policy: Pick<CertificationPolicy, 'validityYears' | 'expiryConvention'>,
): CalendarDate =>
  policy.expiryConvention === 'ANNIVERSARY'
    ? addYears(effectiveDate, policy.validityYears)
    : addYears(addDays(effectiveDate, -1), policy.validityYears);

/** [N] 9.6.3: renewal and restoration keep the cycle anniversary: previous expiry + validity years. */
export const renewedExpiry = (
  previousExpiry: CalendarDate,
  policy: Pick<CertificationPolicy, 'validityYears'>,
): CalendarDate => addYears(previousExpiry, policy.validityYears);

/**
 * [N] 9.6.3.2.5: the last day a restoration may be decided after `expiryDate`; null when the
 * policy allows none ([CN] profile).
 */
export const restorationWindowEnd = (
  expiryDate: CalendarDate,
  policy: Pick<CertificationPolicy, 'restorationWindowMonths'>,
): CalendarDate | null =>
  policy.restorationWindowMonths > 0 ? addMonths(expiryDate, policy.restorationWindowMonths) : null;
