import fc from 'fast-check';
import type { SurveillanceRule } from '../../../src/domain';

/** Every surveillance rule a policy can name. */
export const anySurveillanceRule = fc.constantFrom<SurveillanceRule>(
  'DECISION_ANNIVERSARY',
  'CALENDAR_YEAR',
  'PREVIOUS_PLUS_12_MONTHS',
);
