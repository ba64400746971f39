import { addMonths, type CalendarDate } from '../calendar';
import { cappedExpiry } from '../standards';
import { surveillanceLastDay, surveillancesCompleted } from './audit-cycle-queries';
import type { AuditCycle } from './audit-cycle-state';
import type {
  CertificationOutcome,
  SurveillanceDue,
  SurveillanceNumber,
} from './audit-cycle-types';
import {
  RestorationDecisionNotAllowedError,
  RestorationDecisionTooLateError,
} from './decision-errors';
import { initialExpiry, renewedCappedExpiry } from './granted-expiry';
import { knownSurveillanceDues } from './surveillance-due-date';

export interface GrantedCertificate {
  outcome: CertificationOutcome;
  expiryDate: CalendarDate;
  previousExpiryDate: CalendarDate | null;
  cycleDecisionDate: CalendarDate;
  surveillanceDue: SurveillanceDue[];
}

/** [N] 9.6.3: renewed on/before expiry; after it, restored only inside the policy window. */
const recertificationOutcome = (
  cycle: AuditCycle,
  decidedOn: CalendarDate,
  previousExpiry: CalendarDate,
): CertificationOutcome => {
  if (decidedOn <= previousExpiry) return 'RENEW';
  const { restorationWindowMonths, profile } = cycle.policy;
  if (restorationWindowMonths <= 0) {
    throw new RestorationDecisionNotAllowedError(
      `the certificate expired after ${previousExpiry}; policy ${profile} allows no restoration, so the ` +
        `decision of ${decidedOn} cannot restore it: a new certification (at least stage 2) is needed`,
    );
  }
  const windowEnd = addMonths(previousExpiry, restorationWindowMonths);
  if (decidedOn > windowEnd) {
    throw new RestorationDecisionTooLateError(
      `the certificate expired after ${previousExpiry}; the restoration window ended on ${windowEnd}, ` +
        `before the decision of ${decidedOn}: a new certification (at least stage 2) is needed`,
    );
  }
  return 'RESTORE';
};

const transferredSurveillance = (cycle: AuditCycle, decisionDate: CalendarDate) => {
  const completed = surveillancesCompleted(cycle);
  const previous =
    completed > 0 ? surveillanceLastDay(cycle, completed as SurveillanceNumber) : null;
  return knownSurveillanceDues(
    cycle.policy.surveillanceRule,
    decisionDate,
    completed + 1,
    previous,
  );
};

/** The certificate a recertification renews: its expiry, and the cycle's own before any cap. */
export interface RenewedCertificateExpiry {
  expiryDate: CalendarDate;
  uncappedExpiryDate: CalendarDate;
}

export const grantedCertificate = (
  cycle: AuditCycle,
  decidedOn: CalendarDate,
  effectiveOn: CalendarDate,
  renewed: RenewedCertificateExpiry | null,
): GrantedCertificate => {
  const { kind, standard, transfer } = cycle.application;
  const { policy } = cycle;
  if (transfer) {
    const decisionDate = transfer.previousCycleDecisionDate;
    return {
      outcome: 'TRANSFER',
      expiryDate: cappedExpiry(standard, transfer.certificateExpiryDate),
      previousExpiryDate: null,
      cycleDecisionDate: decisionDate,
      surveillanceDue: transferredSurveillance(cycle, decisionDate),
    };
  }
  const surveillanceDue = knownSurveillanceDues(policy.surveillanceRule, decidedOn, 1, null);
  if (kind === 'INITIAL' || renewed === null) {
    return {
      outcome: 'ISSUE',
      expiryDate: initialExpiry(effectiveOn, policy, standard),
      previousExpiryDate: null,
      cycleDecisionDate: decidedOn,
      surveillanceDue,
    };
  }
  return {
    outcome: recertificationOutcome(cycle, decidedOn, renewed.expiryDate),
    expiryDate: renewedCappedExpiry(renewed.uncappedExpiryDate, policy, standard),
    previousExpiryDate: renewed.expiryDate,
    cycleDecisionDate: decidedOn,
    surveillanceDue,
  };
};
