import type { CalendarDate } from '../calendar';
import { coolingOffApplies, coolingOffEnd } from '../organisation/earliest-certification-date';
import type { ConsultancyFacts } from '../organisation/readiness-facts';
import type { CertificationPolicy } from '../policy';
import { ConsultancyCoolingOffError } from './application-errors';
import type { ConsultancyDeclaration } from './audit-cycle-types';

/** [N] 5.2.7: only consultancy by a body related to the CB starts a cooling-off. */
export const consultancyDeclaration = (
  consultancy: ConsultancyFacts,
  policy: CertificationPolicy,
): ConsultancyDeclaration => {
  const applies = coolingOffApplies(consultancy, policy);
  return {
    ...consultancy,
    coolingOffApplies: applies,
    coolingOffEndsOn:
      applies && consultancy.endedOn !== null ? coolingOffEnd(consultancy.endedOn, policy) : null,
  };
};

/** Refuses `action` on `date` while related consultancy is ongoing or cooling off. */
export const requireNoConsultancyCoolingOff = (
  consultancy: ConsultancyDeclaration,
  date: CalendarDate,
  action: string,
): void => {
  if (!consultancy.coolingOffApplies) return;
  if (consultancy.coolingOffEndsOn === null) {
    throw new ConsultancyCoolingOffError(
      `cannot ${action} on ${date}: consultancy by a body related to the certification body ` +
        `has not ended (17021-1 5.2.7 cooling-off)`,
    );
  }
  if (date < consultancy.coolingOffEndsOn) {
    throw new ConsultancyCoolingOffError(
      `cannot ${action} on ${date}: consultancy by a related body ended on ${consultancy.endedOn}; ` +
        `the cooling-off (17021-1 5.2.7) ends on ${consultancy.coolingOffEndsOn}`,
    );
  }
};
