import { addDays, addYears, type CalendarDate } from '../calendar';
import type { CertificationPolicy } from '../policy';
import { cappedExpiry, type StandardReference } from '../standards';

/** Expiry of a first certificate effective on `effectiveOn` (domain.md §2 Certificate), capped by the standard's transition end. */
export const initialExpiry = (
  effectiveOn: CalendarDate,
  policy: CertificationPolicy,
  standard: StandardReference,
): CalendarDate => {
  const start =
    policy.expiryConvention === 'DAY_BEFORE_ANNIVERSARY' ? addDays(effectiveOn, -1) : effectiveOn;
  return cappedExpiry(standard, addYears(start, policy.validityYears));
};

/** [N] 9.6.3: renewal and restoration count from the previous expiry, not from the decision. */
export const renewedExpiry = (
  previousExpiry: CalendarDate,
  policy: CertificationPolicy,
  standard: StandardReference,
): CalendarDate => cappedExpiry(standard, addYears(previousExpiry, policy.validityYears));
