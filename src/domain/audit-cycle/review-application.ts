import { type ReadinessItem, unmetReadiness } from '../organisation';
import {
  ApplicationAlreadyReviewedError,
  ReadinessNotMetError,
  RejectionReasonsRequiredError,
} from './application-errors';
import type { ReviewApplication } from './audit-cycle-commands';
import type { ApplicationAccepted, ApplicationRejected } from './audit-cycle-events';
import { openAuditCycle } from './audit-cycle-guards';
import type { AuditCycle, AuditCycleState } from './audit-cycle-state';
import { requireNoConsultancyCoolingOff } from './consultancy-cooling-off';
import {
  requireDate,
  requireOneOf,
  requireOrderedDates,
  requireText,
  requireTextList,
} from './input-validation';

/**
 * What a certification in force already shows of the management system: the pre-transfer review
 * of a transfer (IAF MD 2), and the cycle a recertification renews (its own or one transferred in,
 * 17021-1 9.6.3), stand for these items.
 */
const SHOWN_BY_THE_CERTIFICATION: readonly ReadinessItem[] = [
  'MANAGEMENT_SYSTEM_OPERATING',
  'INTERNAL_AUDIT_COMPLETED',
  'MANAGEMENT_REVIEW_COMPLETED',
];

/**
 * Cooling-off counts at the review date (below), not at the application date as the checklist
 * does; a transfer or a recertification is not asked for what its certification in force shows.
 */
const requireReadiness = (cycle: AuditCycle): void => {
  const certified = cycle.application.kind !== 'INITIAL';
  const unmet = unmetReadiness(cycle.application.readinessChecks).filter(
    (check) =>
      check.item !== 'CONSULTANCY_COOLING_OFF' &&
      !(certified && SHOWN_BY_THE_CERTIFICATION.includes(check.item)),
  );
  if (unmet.length > 0) {
    throw new ReadinessNotMetError(
      `cannot accept the application submitted on ${cycle.application.submittedOn}: ` +
        `readiness checklist not met: ${unmet.map((c) => `${c.item} (${c.detail})`).join('; ')}. ` +
        'The checklist is that of the facts recorded when the application was submitted: reject ' +
        'it, record the missing facts (or let the periods the checklist asks for pass) and submit ' +
        'a new application, with another certificateId if this one named one',
    );
  }
};

export const reviewApplication = (
  { data }: ReviewApplication,
  state: AuditCycleState,
): (ApplicationAccepted | ApplicationRejected)[] => {
  const cycle = openAuditCycle(state, data.auditCycleId);
  if (cycle.review !== null) {
    throw new ApplicationAlreadyReviewedError(
      `the application of audit cycle ${data.auditCycleId} was already reviewed on ${cycle.review.reviewedOn}`,
    );
  }
  const outcome = requireOneOf(data.outcome, ['ACCEPTED', 'REJECTED'] as const, 'outcome');
  const reviewedOn = requireDate(data.reviewedOn, 'reviewedOn');
  requireOrderedDates(cycle.application.submittedOn, reviewedOn, 'submittedOn', 'reviewedOn');
  const reviewedBy = requireText(data.reviewedBy, 'reviewedBy');
  const reasons = requireTextList(data.reasons, 'reasons', { nonEmpty: false });
  const recorded = { auditCycleId: data.auditCycleId, reviewedOn, reviewedBy, reasons };
  if (outcome === 'REJECTED') {
    if (reasons.length === 0) {
      throw new RejectionReasonsRequiredError(
        `rejecting the application on ${reviewedOn} requires the reasons`,
      );
    }
    return [{ type: 'ApplicationRejected', data: recorded }];
  }
  requireNoConsultancyCoolingOff(
    cycle.application.consultancy,
    reviewedOn,
    'accept the application',
  );
  requireReadiness(cycle);
  return [{ type: 'ApplicationAccepted', data: recorded }];
};
