import type {
  AuditCycle,
  CertificateCommand,
  CertificationGranted,
  PreviousCertificate,
  RegisteredOrganisation,
} from '../../domain';
import { certificateSites, organisationLocation } from '../lifecycle';

export interface GrantFacts {
  organisation: RegisteredOrganisation;
  /** ISSUE and TRANSFER: the allocated sequence. */
  sequence: number | null;
  /** TRANSFER: the audit cycle with its application and pre-transfer review. */
  cycle: AuditCycle | null;
  numberPattern: string;
  certificationBodyName: string;
  actor: string;
}

/**
 * IAF MD 2 facts from the transfer application and its review. An application recorded before the
 * original certification date was asked for has none: the previous cycle decision date stands in.
 */
const previousCertificate = (cycle: AuditCycle | null): PreviousCertificate => {
  const transfer = cycle?.application.transfer;
  if (!cycle || !transfer) {
    throw new Error(`a TRANSFER grant needs its audit cycle's transfer application`);
  }
  const review = cycle.transferReview;
  return {
    certificationBodyName: transfer.previousCertificationBody,
    number: transfer.previousCertificateNumber,
    accredited: review?.accredited ?? false,
    suspended: review?.certificateStatus === 'SUSPENDED',
    withdrawn: review?.certificateStatus === 'WITHDRAWN',
    expiryDate: transfer.certificateExpiryDate,
    originalCertificationDate:
      transfer.originalCertificationDate ?? transfer.previousCycleDecisionDate,
    cycleDecisionDate: transfer.previousCycleDecisionDate,
  };
};

const requireSequence = (sequence: number | null, outcome: string): number => {
  if (sequence === null) throw new Error(`a ${outcome} grant needs an allocated number`);
  return sequence;
};

/** The certificate command a granted certification decision calls for. */
export const certificateCommandForGrant = (
  { data: grant }: CertificationGranted,
  facts: GrantFacts,
): CertificateCommand => {
  const { organisation, actor } = facts;
  const content = {
    certificateId: grant.certificateId,
    auditCycleId: grant.auditCycleId,
    standard: grant.standard,
    scope: grant.scope.text,
    sites: certificateSites(
      organisation,
      grant.sites.map((siteId) => ({ siteId })),
      grant.scope.text,
      `the certificate granted in audit cycle ${grant.auditCycleId}`,
    ),
    decisionDate: grant.decidedOn,
    actor,
  };
  const holder = {
    organisationName: organisation.legalName,
    organisationLocation: organisationLocation(organisation),
  };
  const opening = () => ({
    ...content,
    ...holder,
    organisationId: grant.organisationId,
    numbering: {
      pattern: facts.numberPattern,
      sequence: requireSequence(facts.sequence, grant.outcome),
    },
    certificationBodyName: facts.certificationBodyName,
    effectiveDate: grant.effectiveOn,
    policy: grant.policy,
  });
  switch (grant.outcome) {
    case 'ISSUE':
      return { type: 'IssueCertificate', data: opening() };
    case 'TRANSFER':
      return {
        type: 'TransferCertificateIn',
        data: { ...opening(), previous: previousCertificate(facts.cycle) },
      };
    case 'RENEW':
      return {
        type: 'RenewCertificate',
        data: { ...content, ...holder, effectiveDate: grant.effectiveOn },
      };
    case 'RESTORE':
      return { type: 'RestoreCertificate', data: { ...content, ...holder } };
    default: {
      const unknown: never = grant.outcome;
      throw new Error(`unknown certification outcome ${JSON.stringify(unknown)}`);
    }
  }
};
