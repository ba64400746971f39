import type { CalendarDate } from '../calendar';
import { type CertificationPolicy, expiryFromEffective, renewedExpiry } from '../policy';
import { cappedExpiry, type StandardReference } from '../standards';

/** Expiry of a first certificate effective on `effectiveOn`, capped by the standard's transition end. */
export const initialExpiry = (
  effectiveOn: CalendarDate,
  policy: CertificationPolicy,
  standard: StandardReference,
): CalendarDate => cappedExpiry(standard, expiryFromEffective(effectiveOn, policy));

/**
 * Renewal and restoration count from the previous expiry (the cycle's own, before a superseded
 * version's cap), capped by the transition end of the version they are to.
 */
export const renewedCappedExpiry = (
  previousExpiry: CalendarDate,
  policy: CertificationPolicy,
  standard: StandardReference,
): CalendarDate => cappedExpiry(standard, renewedExpiry(previousExpiry, policy));
