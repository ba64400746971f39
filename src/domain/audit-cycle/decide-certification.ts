import type { CalendarDate } from '../calendar';
import type { DecideCertification } from './audit-cycle-commands';
import type { CertificationGranted, CertificationRefused } from './audit-cycle-events';
import { openAuditCycle, requireAcceptedApplication } from './audit-cycle-guards';
import type { AuditCycle, AuditCycleState } from './audit-cycle-state';
import { InvalidAuditCycleInputError } from './application-errors';
import { type GrantedCertificate, grantedCertificate } from './certification-outcome';
import { consultancyDeclaration, requireNoConsultancyCoolingOff } from './consultancy-cooling-off';
import {
  requireAfterCompletedAudits,
  requireDecisiveActivity,
  requireImpartialDecisionMaker,
  requireMajorsVerifiedInTime,
  requireNonconformitiesAnswered,
  requireValidStandardVersion,
} from './decision-preconditions';
import {
  CertificationAlreadyDecidedError,
  EffectiveDateBeforeDecisionError,
  EffectiveDateTooLateError,
  RecertificationSupersededError,
  RefusalReasonsRequiredError,
  RestorationEffectiveDateError,
} from './decision-errors';
import {
  requireDate,
  requireOneOf,
  requireOrderedDates,
  requireText,
  requireTextList,
} from './input-validation';
import { requireTransferEffectiveInTime } from './transfer-effective-date';
import { requireSurveillanceDoneByDecision } from './transfer-standing';

/**
 * A recertification renews the cycle it was applied for: once the certificate has moved on to
 * another cycle (another recertification was granted meanwhile), it can no longer be granted.
 */
const requireCurrentCycle = (
  cycle: AuditCycle,
  renewedCycleId: string,
  data: DecideCertification['data'],
): void => {
  const current = requireText(data.certificateAuditCycleId, 'certificateAuditCycleId');
  if (current !== renewedCycleId) {
    throw new RecertificationSupersededError(
      `certificate ${cycle.application.certificateId} is now in audit cycle ${current}: this ` +
        `recertification of cycle ${renewedCycleId} was overtaken and cannot be granted`,
    );
  }
};

/**
 * The renewed certificate's expiry, and the cycle's own expiry a superseded version's transition
 * end capped it from (the same date otherwise; left out by callers that predate it).
 */
const renewedCertificateExpiry = (data: DecideCertification['data']) => {
  const expiryDate = requireDate(data.certificateExpiryDate, 'certificateExpiryDate');
  return {
    expiryDate,
    uncappedExpiryDate:
      data.certificateUncappedExpiryDate === undefined
        ? expiryDate
        : requireDate(data.certificateUncappedExpiryDate, 'certificateUncappedExpiryDate'),
  };
};

/**
 * A new certificate's cycle begins at the decision (17021-1 8.2.2) and its first surveillance is due
 * within 12 months of it (9.1.3): it takes effect before that surveillance is due. (A renewal is
 * bounded by the previous expiry, a transfer by its programme's next surveillance and the previous
 * certificate's expiry, a restoration is effective on its decision.)
 */
const requireEffectiveBeforeSurveillance = (
  granted: GrantedCertificate,
  effectiveOn: CalendarDate,
): void => {
  const first = granted.surveillanceDue[0];
  if (first && effectiveOn >= first.dueOn) {
    throw new EffectiveDateTooLateError(
      `effectiveOn ${effectiveOn} is too late: the certificate's cycle begins at the decision of ` +
        `${granted.cycleDecisionDate} and surveillance audit 1 is due by ${first.dueOn}, so it ` +
        `takes effect before ${first.dueOn}`,
    );
  }
};

const grant = (
  cycle: AuditCycle,
  data: DecideCertification['data'],
  decidedOn: CertificationGranted['data']['decidedOn'],
  reasons: string[],
): CertificationGranted => {
  requireDecisiveActivity(cycle, decidedOn);
  requireMajorsVerifiedInTime(cycle, decidedOn);
  requireNonconformitiesAnswered(cycle, decidedOn);
  requireValidStandardVersion(cycle, decidedOn);
  requireNoConsultancyCoolingOff(
    data.consultancy
      ? consultancyDeclaration(data.consultancy, cycle.policy)
      : cycle.application.consultancy,
    decidedOn,
    'grant certification',
  );
  const effectiveOn =
    data.effectiveOn === undefined ? decidedOn : requireDate(data.effectiveOn, 'effectiveOn');
  if (effectiveOn < decidedOn) {
    throw new EffectiveDateBeforeDecisionError(
      `the certificate cannot be effective on ${effectiveOn}, before the decision of ${decidedOn}`,
    );
  }
  const certificateExpiry =
    cycle.application.kind === 'RECERTIFICATION' ? renewedCertificateExpiry(data) : null;
  if (cycle.application.recertification) {
    requireCurrentCycle(cycle, cycle.application.recertification.previousAuditCycleId, data);
  }
  const granted = grantedCertificate(cycle, decidedOn, effectiveOn, certificateExpiry);
  if (granted.outcome === 'ISSUE') requireEffectiveBeforeSurveillance(granted, effectiveOn);
  if (granted.outcome === 'TRANSFER') {
    requireSurveillanceDoneByDecision(cycle, granted, decidedOn);
    requireTransferEffectiveInTime(granted, decidedOn, effectiveOn);
  }
  if (granted.outcome === 'RESTORE' && effectiveOn !== decidedOn) {
    throw new RestorationEffectiveDateError(
      `a restored certificate is effective on the restoration decision (${decidedOn}), ` +
        `not on ${effectiveOn} (17021-1 9.6.3.2.5)`,
    );
  }
  const { application } = cycle;
  return {
    type: 'CertificationGranted',
    data: {
      auditCycleId: application.auditCycleId,
      organisationId: application.organisationId,
      certificateId: application.certificateId,
      kind: application.kind,
      outcome: granted.outcome,
      decisionMakerId: data.decisionMakerId,
      decidedOn,
      effectiveOn,
      expiryDate: granted.expiryDate,
      previousExpiryDate: granted.previousExpiryDate,
      reasons,
      standard: application.standard,
      scope: application.scope,
      sites: application.sites,
      cycleDecisionDate: granted.cycleDecisionDate,
      surveillanceDue: granted.surveillanceDue,
      transfer: application.transfer && {
        previousCertificationBody: application.transfer.previousCertificationBody,
        previousCertificateNumber: application.transfer.previousCertificateNumber,
        surveillanceProgramme: application.transfer.surveillanceProgramme,
      },
      policy: cycle.policy,
    },
  };
};

/** One decision per cycle: a refusal closes the cycle, a new application starts another. */
export const decideCertification = (
  { data }: DecideCertification,
  state: AuditCycleState,
): (CertificationGranted | CertificationRefused)[] => {
  if (state.status !== 'NOT_STARTED' && state.decision !== null) {
    throw new CertificationAlreadyDecidedError(
      `certification was already ${state.decision.decision.toLowerCase()} on ` +
        `${state.decision.decidedOn} for audit cycle ${state.application.auditCycleId}`,
    );
  }
  const cycle = openAuditCycle(state, data.auditCycleId);
  requireAcceptedApplication(cycle, 'decide certification');
  const decision = requireOneOf(data.decision, ['GRANTED', 'REFUSED'] as const, 'decision');
  const decidedOn = requireDate(data.decidedOn, 'decidedOn');
  if (cycle.review) {
    requireOrderedDates(cycle.review.reviewedOn, decidedOn, 'application accepted on', 'decidedOn');
  }
  const decisionMakerId = requireText(data.decisionMakerId, 'decisionMakerId');
  const reasons = requireTextList(data.reasons, 'reasons', { nonEmpty: false });
  requireImpartialDecisionMaker(cycle, decisionMakerId);
  requireAfterCompletedAudits(cycle, decidedOn);
  if (decision === 'GRANTED') return [grant(cycle, data, decidedOn, reasons)];
  if (data.effectiveOn !== undefined) {
    throw new InvalidAuditCycleInputError(
      `a refusal issues no certificate: effectiveOn (${JSON.stringify(data.effectiveOn)}) is ` +
        `given only with a grant`,
      'effectiveOn',
    );
  }
  if (reasons.length === 0) {
    throw new RefusalReasonsRequiredError(
      `refusing certification on ${decidedOn} requires the reasons`,
    );
  }
  return [
    {
      type: 'CertificationRefused',
      data: { auditCycleId: cycle.application.auditCycleId, decisionMakerId, decidedOn, reasons },
    },
  ];
};
