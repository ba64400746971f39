import { type CalendarDate, parts } from '../calendar';
import { CertificateAlreadyIssuedError } from './certificate-errors';
import type { CertificateIssued } from './certificate-events';
import type { IssueCertificate, TransferCertificateIn } from './certificate-commands';
import { expiryFromEffective } from '../policy';
import { findTypedStandard } from '../standards';
import { expiryForVersion } from './certificate-expiry';
import {
  requireDate,
  requireEffectiveOnOrAfterDecision,
  requireScope,
  requireText,
} from './certificate-guards';
import { formatCertificateNumber } from './certificate-number';
import type { CertificateState } from './certificate-state';

type OpeningData = Omit<
  CertificateIssued['data'],
  'originalCertificationDate' | 'cycleDecisionDate'
>;

/**
 * Checks shared by issue and transfer in; the number's year is the decision's year, the standard
 * the catalog's spelling of the one the command names.
 */
export const openingData = (
  command: IssueCertificate | TransferCertificateIn,
  state: CertificateState,
  uncappedExpiryOf: (effectiveDate: CalendarDate) => CalendarDate,
): OpeningData => {
  const { type, data } = command;
  if (state.status !== 'NOT_ISSUED') {
    throw new CertificateAlreadyIssuedError(state.certificateId, state.number, state.effectiveDate);
  }
  for (const field of [
    'certificateId',
    'organisationId',
    'auditCycleId',
    'organisationName',
    'organisationLocation',
    'certificationBodyName',
    'actor',
  ] as const) {
    requireText(type, field, data[field]);
  }
  const decisionDate = requireDate(type, 'decisionDate', data.decisionDate);
  const effectiveDate = requireDate(type, 'effectiveDate', data.effectiveDate);
  requireEffectiveOnOrAfterDecision(decisionDate, effectiveDate);
  const version = findTypedStandard(data.standard);
  const standard = { identifier: version.identifier, version: version.version };
  const number = formatCertificateNumber(data.numbering.pattern, {
    sequence: data.numbering.sequence,
    standard,
    year: parts(decisionDate).year,
  });
  requireScope(number, type, data.scope, data.sites);
  const uncappedExpiryDate = uncappedExpiryOf(effectiveDate);
  return {
    certificateId: data.certificateId,
    organisationId: data.organisationId,
    auditCycleId: data.auditCycleId,
    number,
    revision: 1,
    standard,
    scope: data.scope,
    sites: data.sites.map((site) => ({ ...site })),
    organisationName: data.organisationName,
    organisationLocation: data.organisationLocation,
    certificationBodyName: data.certificationBodyName,
    decisionDate,
    effectiveDate,
    expiryDate: expiryForVersion(standard, uncappedExpiryDate, effectiveDate),
    uncappedExpiryDate,
    policy: data.policy,
    actor: data.actor,
  };
};

/** 17021-1 8.2.2: the first cycle begins at the certification decision. */
export const issueCertificate = (
  command: IssueCertificate,
  state: CertificateState,
): CertificateIssued[] => {
  const opening = openingData(command, state, (effective) =>
    expiryFromEffective(effective, command.data.policy),
  );
  return [
    {
      type: 'CertificateIssued',
      data: {
        ...opening,
        originalCertificationDate: opening.effectiveDate,
        cycleDecisionDate: opening.decisionDate,
      },
    },
  ];
};
