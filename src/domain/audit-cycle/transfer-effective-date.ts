import { addDays, type CalendarDate } from '../calendar';
import type { GrantedCertificate } from './certification-outcome';
import { EffectiveDateTooLateError } from './decision-errors';

/**
 * A transferred certificate continues the previous cycle and programme (IAF MD 2): deferred past
 * the decision, it takes effect before the programme's next surveillance audit is due and by the
 * certificate's expiry, whichever comes first, so the client is not left unlisted while its
 * programme runs. Effective on the decision is left to the certificate's own rules.
 */
export const requireTransferEffectiveInTime = (
  granted: GrantedCertificate,
  decidedOn: CalendarDate,
  effectiveOn: CalendarDate,
): void => {
  if (effectiveOn === decidedOn) return;
  const next = granted.surveillanceDue[0];
  const afterExpiry = addDays(granted.expiryDate, 1);
  const bySurveillance = next !== undefined && next.dueOn < afterExpiry;
  const limit = bySurveillance ? next.dueOn : afterExpiry;
  if (effectiveOn < limit) return;
  const reason = bySurveillance
    ? `surveillance audit ${next.number} of its programme is due by ${next.dueOn}`
    : `the certificate expires after ${granted.expiryDate}`;
  const when = limit > decidedOn ? `before ${limit}` : `on the decision of ${decidedOn}`;
  throw new EffectiveDateTooLateError(
    `effectiveOn ${effectiveOn} is too late: the transfer continues the cycle decided on ` +
      `${granted.cycleDecisionDate} and ${reason}, so it takes effect ${when}`,
  );
};
