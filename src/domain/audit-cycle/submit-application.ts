import { addYears, type CalendarDate } from '../calendar';
import { evaluateReadiness } from '../organisation';
import type { ReadinessFacts } from '../organisation/readiness-facts';
import type { CertificationPolicy, ReapplicationBar } from '../policy';
import {
  findTypedStandard,
  lastAuditDay,
  standardCode,
  type StandardReference,
} from '../standards';
import {
  AuditCycleAlreadyExistsError,
  InvalidAuditCycleInputError,
  ReapplicationBarredError,
  StandardVersionClosedError,
} from './application-errors';
import type { SubmitApplication } from './audit-cycle-commands';
import type { ApplicationSubmitted } from './audit-cycle-events';
import type { AuditCycleState } from './audit-cycle-state';
import type {
  ApplicationScope,
  AuditCycleKind,
  RecertificationApplication,
  SurveillanceNumber,
  TransferApplication,
  TransferDetails,
} from './audit-cycle-types';
import { requireNoCertificateHeld } from './certificate-already-held';
import { consultancyDeclaration } from './consultancy-cooling-off';
import { lapsedCertificateOf } from './lapsed-certificate';
import { requireNoOpenApplication } from './open-application';
import { requireDate, requireOneOf, requireText, requireTextList } from './input-validation';
import { surveillanceDueDate } from './surveillance-due-date';

const KINDS: readonly AuditCycleKind[] = ['INITIAL', 'RECERTIFICATION', 'TRANSFER'];

/**
 * The catalog's version of the standard applied for, as the catalog spells it; new audits to a
 * superseded version stop at its last audit date (or, without one, its transition end).
 */
const openStandardVersion = (
  typed: StandardReference,
  kind: AuditCycleKind,
  submittedOn: CalendarDate,
): StandardReference => {
  const version = findTypedStandard(typed);
  const standard = { identifier: version.identifier, version: version.version };
  const { transitionEnd, transitionSource } = version;
  const lastDate = kind === 'TRANSFER' ? transitionEnd : lastAuditDay(version);
  if (lastDate !== null && submittedOn > lastDate) {
    const what = kind === 'TRANSFER' ? 'certificates are valid' : 'audits may be made';
    throw new StandardVersionClosedError(
      `no ${kind.toLowerCase()} application to ${standardCode(standard)} on ${submittedOn}: ` +
        `${what} to that version until ${lastDate} only (${transitionSource ?? 'catalog'})`,
    );
  }
  return standard;
};

/** [CN] No new application while an own-fault suspension or withdrawal bars it. */
const requireNoReapplicationBar = (
  bar: ReapplicationBar | null | undefined,
  submittedOn: CalendarDate,
): void => {
  if (!bar || submittedOn >= bar.until) return;
  throw new ReapplicationBarredError(
    `no new application before ${bar.until}: certificate ${bar.certificateNumber} was ` +
      `${bar.cause === 'SUSPENSION' ? 'suspended' : 'withdrawn'} for the organisation's own fault ` +
      `on ${bar.on} (CB policy under ISO/IEC 17021-1 9.6.5: no application within the bar)`,
  );
};

const scopeOf = (scope: ApplicationScope): ApplicationScope => ({
  text: requireText(scope?.text, 'scope.text'),
  services: requireTextList(scope.services, 'scope.services', { nonEmpty: true }),
  customers: requireTextList(scope.customers, 'scope.customers', { nonEmpty: false }),
  locations: requireTextList(scope.locations, 'scope.locations', { nonEmpty: true }),
});

const readinessOf = (readiness: ReadinessFacts): ReadinessFacts => {
  if (typeof readiness !== 'object' || readiness === null || !readiness.consultancy) {
    throw new InvalidAuditCycleInputError(
      'readiness facts (with consultancy) are required',
      'readiness',
    );
  }
  const optionalDate = (value: CalendarDate | null, field: string) =>
    value === null ? null : requireDate(value, `readiness.${field}`);
  optionalDate(readiness.managementSystemOperatingSince, 'managementSystemOperatingSince');
  optionalDate(readiness.lastInternalAuditCompletedOn, 'lastInternalAuditCompletedOn');
  optionalDate(readiness.lastManagementReviewCompletedOn, 'lastManagementReviewCompletedOn');
  optionalDate(readiness.consultancy.endedOn, 'consultancy.endedOn');
  readiness.administrativePenalties.forEach((penalty, index) =>
    requireDate(penalty.imposedOn, `readiness.administrativePenalties[${index}].imposedOn`),
  );
  return readiness;
};

const recertificationOf = (
  recertification: RecertificationApplication | undefined,
): RecertificationApplication => {
  if (!recertification) {
    throw new InvalidAuditCycleInputError(
      'a RECERTIFICATION application names the previous audit cycle and the certificate expiry',
      'recertification',
    );
  }
  return {
    previousAuditCycleId: requireText(recertification.previousAuditCycleId, 'previousAuditCycleId'),
    certificateExpiryDate: requireDate(
      recertification.certificateExpiryDate,
      'certificateExpiryDate',
    ),
  };
};

/** `date` (named `field`) is between `from` and `to`, both included, or a field error says so. */
const requireBetween = (
  field: string,
  date: CalendarDate,
  from: { name: string; date: CalendarDate } | null,
  to: { name: string; date: CalendarDate },
): void => {
  if (date > to.date) {
    throw new InvalidAuditCycleInputError(
      `${field} ${date} cannot come after ${to.name} on ${to.date}`,
      field,
    );
  }
  if (from && date < from.date) {
    throw new InvalidAuditCycleInputError(
      `${field} ${date} cannot come before ${from.name} on ${from.date}`,
      field,
    );
  }
};

/**
 * The previous CB's facts, none of them after the application (nor the cycle's decision), and its
 * certificate not expired by the application.
 */
const transferOf = (
  transfer: TransferApplication | undefined,
  policy: CertificationPolicy,
  submittedOn: CalendarDate,
): TransferDetails => {
  if (!transfer) {
    throw new InvalidAuditCycleInputError(
      'a TRANSFER application names the previous CB, certificate, cycle decision, expiry and programme',
      'transfer',
    );
  }
  const previousCycleDecisionDate = requireDate(
    transfer.previousCycleDecisionDate,
    'previousCycleDecisionDate',
  );
  const certificateExpiryDate = requireDate(
    transfer.certificateExpiryDate,
    'certificateExpiryDate',
  );
  const application = { name: 'the application', date: submittedOn };
  const cycleDecision = { name: "the previous cycle's decision", date: previousCycleDecisionDate };
  requireBetween('previousCycleDecisionDate', previousCycleDecisionDate, null, application);
  const originalCertificationDate =
    transfer.originalCertificationDate === undefined
      ? previousCycleDecisionDate
      : requireDate(transfer.originalCertificationDate, 'originalCertificationDate');
  requireBetween('originalCertificationDate', originalCertificationDate, null, cycleDecision);
  // A cycle runs `validityYears` from an effective date on or after its decision, a renewed one
  // from the previous expiry, which a recertification decision precedes by months: a year's slack.
  const latestExpiry = {
    name: `the limit of ${policy.validityYears + 1} years from the previous cycle's decision on ${previousCycleDecisionDate}, that is`,
    date: addYears(previousCycleDecisionDate, policy.validityYears + 1),
  };
  requireBetween('certificateExpiryDate', certificateExpiryDate, cycleDecision, latestExpiry);
  if (certificateExpiryDate < submittedOn) {
    throw new InvalidAuditCycleInputError(
      `certificateExpiryDate ${certificateExpiryDate} is before the application on ${submittedOn}: ` +
        'the certificate had expired, and only a valid certificate is transferred (IAF MD 2)',
      'certificateExpiryDate',
    );
  }
  const { completedSurveillances, lastSurveillanceLastDay } = transfer.surveillanceProgramme ?? {};
  if (
    completedSurveillances !== 0 &&
    completedSurveillances !== 1 &&
    completedSurveillances !== 2
  ) {
    throw new InvalidAuditCycleInputError(
      `completedSurveillances must be 0, 1 or 2, got ${JSON.stringify(completedSurveillances)}`,
      'surveillanceProgramme.completedSurveillances',
    );
  }
  if ((completedSurveillances === 0) !== (lastSurveillanceLastDay === null)) {
    throw new InvalidAuditCycleInputError(
      'lastSurveillanceLastDay is given exactly when the previous CB completed a surveillance',
      'surveillanceProgramme.lastSurveillanceLastDay',
    );
  }
  const last =
    lastSurveillanceLastDay === null
      ? null
      : requireDate(lastSurveillanceLastDay, 'lastSurveillanceLastDay');
  if (last !== null) {
    requireBetween(
      'surveillanceProgramme.lastSurveillanceLastDay',
      last,
      cycleDecision,
      application,
    );
  }
  const nextNumber = completedSurveillances + 1;
  const nextDue =
    nextNumber <= 2
      ? surveillanceDueDate(
          policy.surveillanceRule,
          previousCycleDecisionDate,
          nextNumber as SurveillanceNumber,
          last,
        )
      : null;
  return {
    previousCertificationBody: requireText(
      transfer.previousCertificationBody,
      'previousCertificationBody',
    ),
    previousCertificateNumber: requireText(
      transfer.previousCertificateNumber,
      'previousCertificateNumber',
    ),
    previousCycleDecisionDate,
    originalCertificationDate,
    certificateExpiryDate,
    surveillanceProgramme: { completedSurveillances, lastSurveillanceLastDay: last },
    nextSurveillance:
      nextDue === null ? null : { number: nextNumber as SurveillanceNumber, dueOn: nextDue },
  };
};

export const submitApplication = (
  { data }: SubmitApplication,
  state: AuditCycleState,
): ApplicationSubmitted[] => {
  if (state.status !== 'NOT_STARTED') {
    throw new AuditCycleAlreadyExistsError(
      `audit cycle ${state.application.auditCycleId} already has an application, ` +
        `submitted on ${state.application.submittedOn}`,
    );
  }
  const kind = requireOneOf(data.kind, KINDS, 'kind');
  const submittedOn = requireDate(data.submittedOn, 'submittedOn');
  const { policy } = data;
  if (typeof policy !== 'object' || policy === null) {
    throw new InvalidAuditCycleInputError(
      'the application carries the full certification policy',
      'policy',
    );
  }
  const standard = openStandardVersion(
    { identifier: data.standard?.identifier, version: data.standard?.version },
    kind,
    submittedOn,
  );
  if (kind !== 'RECERTIFICATION') requireNoReapplicationBar(data.reapplicationBar, submittedOn);
  requireNoOpenApplication(kind, standard, data.openApplications ?? []);
  const readiness = readinessOf(data.readiness);
  const organisationId = requireText(data.organisationId, 'organisationId');
  const lapsedCertificate = lapsedCertificateOf(data.formerCertificate, {
    kind,
    organisationId,
    standardIdentifier: standard.identifier,
    submittedOn,
  });
  requireNoCertificateHeld(kind, standard, submittedOn, data.heldCertificates ?? []);
  return [
    {
      type: 'ApplicationSubmitted',
      data: {
        auditCycleId: requireText(data.auditCycleId, 'auditCycleId'),
        organisationId,
        certificateId: requireText(data.certificateId, 'certificateId'),
        kind,
        standard,
        scope: scopeOf(data.scope),
        sites: requireTextList(data.sites, 'sites', { nonEmpty: true, ids: true }),
        consultancy: consultancyDeclaration(readiness.consultancy, policy),
        readiness,
        readinessChecks: evaluateReadiness(readiness, policy, submittedOn),
        submittedOn,
        policy,
        recertification:
          kind === 'RECERTIFICATION' ? recertificationOf(data.recertification) : null,
        transfer: kind === 'TRANSFER' ? transferOf(data.transfer, policy, submittedOn) : null,
        lapsedCertificate,
      },
    },
  ];
};
