import { addMonths, addYears, type CalendarDate, endOfYear, minDate } from '../calendar';
import type { SurveillanceRule } from '../policy';
import type { SurveillanceDue, SurveillanceNumber } from './audit-cycle-types';

/**
 * Due date of surveillance `number` of a cycle, or null while it cannot be known yet
 * (PREVIOUS_PLUS_12_MONTHS before the previous surveillance is completed).
 * [N] 9.1.3: the first is never later than the cycle decision + 12 months, whatever the rule.
 */
export const surveillanceDueDate = (
  rule: SurveillanceRule,
  cycleDecisionDate: CalendarDate,
  number: SurveillanceNumber,
  previousSurveillanceLastDay: CalendarDate | null,
): CalendarDate | null => {
  const anniversary = addMonths(cycleDecisionDate, 12 * number);
  const byRule = (() => {
    switch (rule) {
      case 'DECISION_ANNIVERSARY':
        return anniversary;
      case 'CALENDAR_YEAR':
        return endOfYear(addYears(cycleDecisionDate, number));
      case 'PREVIOUS_PLUS_12_MONTHS':
        if (number === 1) return anniversary;
        return previousSurveillanceLastDay === null
          ? null
          : addMonths(previousSurveillanceLastDay, 12);
    }
  })();
  if (byRule === null) return null;
  return number === 1 ? minDate(byRule, addMonths(cycleDecisionDate, 12)) : byRule;
};

/** The surveillances from `fromNumber` on whose due date is known now. */
export const knownSurveillanceDues = (
  rule: SurveillanceRule,
  cycleDecisionDate: CalendarDate,
  fromNumber: number,
  previousSurveillanceLastDay: CalendarDate | null,
): SurveillanceDue[] => {
  const dues: SurveillanceDue[] = [];
  for (const number of [1, 2] as const) {
    if (number < fromNumber) continue;
    const previous = number === fromNumber ? previousSurveillanceLastDay : null;
    const dueOn = surveillanceDueDate(rule, cycleDecisionDate, number, previous);
    if (dueOn === null) break;
    dues.push({ number, dueOn });
  }
  return dues;
};
