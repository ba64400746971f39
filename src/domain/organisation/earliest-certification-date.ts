import { type CalendarDate, addMonths } from '../calendar';
import type { CertificationPolicy } from '../policy';
import { ConsultancyOngoingError } from './organisation-errors';
import type { ConsultancyFacts, ReadinessFacts } from './readiness-facts';

/** Whether [N] 5.2.7 restricts certification: the policy checks it and a related body consulted. */
export const coolingOffApplies = (
  consultancy: ConsultancyFacts,
  policy: CertificationPolicy,
): boolean =>
  policy.consultancyCoolingOffMonths > 0 &&
  consultancy.used &&
  consultancy.relatedToCertificationBody;

/** The end of the cooling-off after a consultancy that has ended (no check of `coolingOffApplies`). */
export const coolingOffEnd = (endedOn: CalendarDate, policy: CertificationPolicy): CalendarDate =>
  addMonths(endedOn, policy.consultancyCoolingOffMonths);

/**
 * [N 5.2.7] The first date a related-body consultancy no longer bars certification: its end date
 * plus the policy's cooling-off months (clamped to month end). Null when no cooling-off applies.
 * Throws ConsultancyOngoingError while that consultancy has no end date.
 */
export const earliestCertificationDate = (
  facts: ReadinessFacts,
  policy: CertificationPolicy,
): CalendarDate | null => {
  if (!coolingOffApplies(facts.consultancy, policy)) return null;
  const { endedOn } = facts.consultancy;
  if (endedOn === null) throw new ConsultancyOngoingError();
  return coolingOffEnd(endedOn, policy);
};
