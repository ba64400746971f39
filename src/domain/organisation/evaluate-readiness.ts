import { type CalendarDate, addMonths, maxDate } from '../calendar';
import type { CertificationPolicy, ReadinessChecklistPolicy } from '../policy';
import { coolingOffApplies } from './earliest-certification-date';
import { NOT_REQUIRED_BY_POLICY, type ReadinessCheck, type ReadinessItem } from './readiness-check';
import type { ReadinessFacts } from './readiness-facts';

const notRequired = (item: ReadinessItem): ReadinessCheck => ({
  item,
  met: true,
  detail: NOT_REQUIRED_BY_POLICY,
});

const legalRegistration = (
  facts: ReadinessFacts,
  rules: ReadinessChecklistPolicy,
): ReadinessCheck => {
  const item = 'LEGAL_REGISTRATION';
  if (!rules.requireLegalRegistration) return notRequired(item);
  const number = facts.legalRegistrationNumber?.trim() ?? '';
  return number === ''
    ? { item, met: false, detail: 'no business licence (legal registration) number is recorded' }
    : { item, met: true, detail: `business licence number ${number} is recorded` };
};

/** N months of operation are reached on `since + N months`, clamped to month end. */
const operatingMonths = (
  facts: ReadinessFacts,
  rules: ReadinessChecklistPolicy,
  applicationDate: CalendarDate,
): ReadinessCheck => {
  const item = 'MANAGEMENT_SYSTEM_OPERATING';
  const months = rules.minimumOperatingMonths;
  if (months <= 0) return notRequired(item);
  const since = facts.managementSystemOperatingSince;
  if (since === null) {
    return {
      item,
      met: false,
      detail: `the date the management system began operating is not recorded; ${months} months of operation are required by the application date ${applicationDate}`,
    };
  }
  const reachedOn = addMonths(since, months);
  const met = reachedOn <= applicationDate;
  return {
    item,
    met,
    detail: `management system operating since ${since}: ${months} months reached on ${reachedOn}, ${met ? 'on or before' : 'after'} the application date ${applicationDate}`,
  };
};

/** An internal audit or management review of the system as it operates since `operatingSince`. */
const completed = (
  item: ReadinessItem,
  activity: string,
  required: boolean,
  completedOn: CalendarDate | null,
  operatingSince: CalendarDate | null,
  applicationDate: CalendarDate,
): ReadinessCheck => {
  if (!required) return notRequired(item);
  if (completedOn === null) {
    return {
      item,
      met: false,
      detail: `no completed ${activity} is recorded; one must be completed on or before the application date ${applicationDate}`,
    };
  }
  if (operatingSince !== null && completedOn < operatingSince) {
    return {
      item,
      met: false,
      detail: `the last ${activity}, completed on ${completedOn}, precedes the management system operating since ${operatingSince}; one of the system since then is needed`,
    };
  }
  const met = completedOn <= applicationDate;
  return {
    item,
    met,
    detail: `${activity} completed on ${completedOn}, ${met ? 'on or before' : 'after'} the application date ${applicationDate}`,
  };
};

/** A penalty counts while `imposedOn + N months` (clamped) is still after the application date. */
const penaltyFree = (
  facts: ReadinessFacts,
  rules: ReadinessChecklistPolicy,
  applicationDate: CalendarDate,
): ReadinessCheck => {
  const item = 'NO_RECENT_ADMINISTRATIVE_PENALTY';
  const months = rules.penaltyFreeMonths;
  if (months <= 0) return notRequired(item);
  const recent = facts.administrativePenalties.filter(
    ({ imposedOn }) =>
      imposedOn <= applicationDate && addMonths(imposedOn, months) > applicationDate,
  );
  if (recent.length === 0) {
    return {
      item,
      met: true,
      detail: `no administrative penalty imposed in the ${months} months before the application date ${applicationDate}`,
    };
  }
  const dates = recent.map(({ imposedOn, description }) => `${imposedOn} (${description})`);
  const clearOn = recent
    .map(({ imposedOn }) => addMonths(imposedOn, months))
    .reduce((latest, date) => maxDate(latest, date));
  return {
    item,
    met: false,
    detail: `administrative penalty imposed on ${dates.join(', ')} within the ${months} months before the application date ${applicationDate}; penalty-free from ${clearOn}`,
  };
};

/** [N 5.2.7] A related-body consultancy bars certification until its cooling-off has passed. */
const consultancyCoolingOff = (
  facts: ReadinessFacts,
  policy: CertificationPolicy,
  applicationDate: CalendarDate,
): ReadinessCheck => {
  const item = 'CONSULTANCY_COOLING_OFF';
  const months = policy.consultancyCoolingOffMonths;
  if (months <= 0) return notRequired(item);
  if (!coolingOffApplies(facts.consultancy, policy)) {
    return {
      item,
      met: true,
      detail: 'no consultancy by a body related to the certification body is recorded',
    };
  }
  const { endedOn } = facts.consultancy;
  if (endedOn === null) {
    return {
      item,
      met: false,
      detail: `consultancy by a body related to the certification body has not ended; no certification until ${months} months after it ends (17021-1 5.2.7), application dated ${applicationDate}`,
    };
  }
  const earliest = addMonths(endedOn, months);
  const met = earliest <= applicationDate;
  return {
    item,
    met,
    detail: `consultancy by a body related to the certification body ended on ${endedOn}: no certification before ${earliest} (${months} months, 17021-1 5.2.7), application dated ${applicationDate}`,
  };
};

/** The readiness checklist as of the application date, one check per item, in a fixed order. */
export const evaluateReadiness = (
  facts: ReadinessFacts,
  policy: CertificationPolicy,
  applicationDate: CalendarDate,
): ReadinessCheck[] => {
  const rules = policy.readiness;
  return [
    legalRegistration(facts, rules),
    operatingMonths(facts, rules, applicationDate),
    completed(
      'INTERNAL_AUDIT_COMPLETED',
      'internal audit',
      rules.requireInternalAudit,
      facts.lastInternalAuditCompletedOn,
      facts.managementSystemOperatingSince,
      applicationDate,
    ),
    completed(
      'MANAGEMENT_REVIEW_COMPLETED',
      'management review',
      rules.requireManagementReview,
      facts.lastManagementReviewCompletedOn,
      facts.managementSystemOperatingSince,
      applicationDate,
    ),
    penaltyFree(facts, rules, applicationDate),
    consultancyCoolingOff(facts, policy, applicationDate),
  ];
};
