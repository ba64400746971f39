import {
  type AuditCycleKind,
  type AuditCycleStatus,
  type AuditKind,
  type AuditMode,
  type CertificateStatus,
  type CertificationOutcome,
  type DeadlineState,
  type NonconformityGrade,
  type PolicyProfile,
  type PreviousCertificateStatus,
  type RecordedStatus,
  type RevisionCause,
  type RevisionStatus,
  SUSPENSION_GROUNDS,
} from '../../domain';
import { DEADLINE_TYPES } from '../../projections';
import { graphqlEnum } from './graphql-enum';

export const CertificateStatusEnum = graphqlEnum<CertificateStatus>(
  'CertificateStatus',
  ['DRAFT', 'ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'EXPIRED'],
  'Status of a certificate on a date; DRAFT: decided, not yet in force (before its first effective date). Lists, dashboards and `verifyCertificate` as of a date before the first certification decision leave the certificate out: it did not exist then.',
);

export const RecordedStatusEnum = graphqlEnum<RecordedStatus>(
  'RecordedStatus',
  ['ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'EXPIRED'],
  'What the last recorded event of a certificate said, not its status on a date (`Certificate.status(asOf)`): a certificate issued to take effect later reads ACTIVE (DRAFT is no recorded status) while `status` reads DRAFT until then, and one past its expiry reads ACTIVE until the expiry is recorded.',
);

export const DeadlineTypeEnum = graphqlEnum(
  'DeadlineType',
  DEADLINE_TYPES,
  'What falls due: an audit, a finding response, a limit or an expiry.',
);

export const DeadlineStateEnum = graphqlEnum<DeadlineState>(
  'DeadlineState',
  ['UPCOMING', 'DUE_TODAY', 'OVERDUE', 'MET', 'ENDED'],
  'Where a deadline stands on the as-of date: open (UPCOMING, DUE_TODAY, OVERDUE), MET (by the event that closes it, on `metOn`), or ENDED (by itself on `closesOn`, unmet: a window that passed, a deadline the certificate can no longer meet or no longer needs to; `metOn` null).',
);

export const AuditKindEnum = graphqlEnum<AuditKind>(
  'AuditKind',
  ['STAGE1', 'STAGE2', 'SURVEILLANCE', 'RECERTIFICATION', 'SPECIAL', 'TRANSITION'],
  'Kind of audit.',
);

export const AuditModeEnum = graphqlEnum<AuditMode>(
  'AuditMode',
  ['ON_SITE', 'REMOTE', 'HYBRID'],
  'How an audit is carried out.',
);

export const PreviousCertificateStatusEnum = graphqlEnum<PreviousCertificateStatus>(
  'PreviousCertificateStatus',
  ['VALID', 'SUSPENDED', 'WITHDRAWN', 'EXPIRED'],
  'The status of the certificate to transfer at the issuing CB (IAF MD 2).',
);

export const NonconformityGradeEnum = graphqlEnum<NonconformityGrade>(
  'NonconformityGrade',
  ['MAJOR', 'MINOR'],
  'Grade of a nonconformity.',
);

export const AuditCycleKindEnum = graphqlEnum<AuditCycleKind>(
  'AuditCycleKind',
  ['INITIAL', 'RECERTIFICATION', 'TRANSFER'],
  'Why an audit cycle was opened.',
);

export const AuditCycleStatusEnum = graphqlEnum<AuditCycleStatus>(
  'AuditCycleStatus',
  [
    'APPLICATION_SUBMITTED',
    'APPLICATION_REJECTED',
    'APPLICATION_ACCEPTED',
    'CERTIFICATION_GRANTED',
    'CERTIFICATION_REFUSED',
  ],
  'Where an audit cycle stands.',
);

export const CertificationOutcomeEnum = graphqlEnum<CertificationOutcome>(
  'CertificationOutcome',
  ['ISSUE', 'RENEW', 'RESTORE', 'TRANSFER'],
  'What a granted decision does to the certificate.',
);

export const DecisionEnum = graphqlEnum<'GRANTED' | 'REFUSED'>(
  'Decision',
  ['GRANTED', 'REFUSED'],
  'A certification decision.',
);

export const RevisionCauseEnum = graphqlEnum<RevisionCause>(
  'RevisionCause',
  [
    'ISSUED',
    'TRANSFERRED_IN',
    'RENEWED',
    'RESTORED',
    'SCOPE_EXTENDED',
    'SCOPE_REDUCED',
    'TRANSITIONED',
  ],
  'Why a certificate revision was issued.',
);

export const RevisionStatusEnum = graphqlEnum<RevisionStatus>(
  'RevisionStatus',
  ['DRAFT', 'CURRENT', 'SUPERSEDED'],
  'Whether a revision is the one in force on the as-of date. DRAFT: it has not taken effect, and never will if the withdrawal came first (see `Certificate.revisions`).',
);

export const SuspensionGroundsEnum = graphqlEnum(
  'SuspensionGrounds',
  SUSPENSION_GROUNDS,
  'Grounds for suspending a certificate (ISO/IEC 17021-1 9.6.5).',
);

export const PolicyProfileEnum = graphqlEnum<PolicyProfile>(
  'PolicyProfile',
  ['ISO_17021', 'CN_CNCA'],
  'The certification policy an organisation or cycle was decided under.',
);
