import { calendarDate } from '../../../src/domain';
import { Role } from '../../../src/graphql';
import type { ApiHarness } from '../support/api-harness';
import type { GraphQLResponse } from '../support/test-server';
import { MUTATIONS, type MutationName } from './mutation-documents';

export const STANDARD = { identifier: 'ISO/IEC 20000-1', version: '2018' };
export const SCOPE = {
  text: 'IT service management of data-centre hosting services',
  services: ['hosting'],
  customers: ['external customers'],
  locations: ['Beijing'],
};

/** `cert-transfer` of `org-transfer`, transferred in from another CB (first certified 2017). */
export const TRANSFER_IN = {
  auditCycleId: 'cycle-transfer',
  organisationId: 'org-transfer',
  certificateId: 'cert-transfer',
  standard: STANDARD,
  scope: SCOPE,
  sites: ['site-hq'],
  submittedOn: '2024-06-03',
  previousCertificationBody: 'Other Certification Ltd',
  previousCertificateNumber: 'OC-20000-0017',
  previousCycleDecisionDate: '2023-11-10',
  originalCertificationDate: '2017-11-20',
  certificateExpiryDate: '2026-11-09',
  surveillanceProgramme: { completedSurveillances: 0 },
};

/**
 * The pre-transfer review of TRANSFER_IN, once its application is accepted (on 2024-06-05): a
 * valid, accredited certificate, nothing outstanding.
 */
export const TRANSFER_REVIEW = {
  auditCycleId: 'cycle-transfer',
  reviewedOn: '2024-06-06',
  certificateStatus: 'VALID',
  accredited: true,
  reasonsForTransfer: ['closer to the client'],
  outstandingNonconformities: [],
  lastReports: ['stage 2 report 2023-11'],
  complaints: [],
};

/** The person ids on every audit team of these helpers (never the decision maker). */
export const LEAD_AUDITOR = 'person-lead-auditor';
export const CO_AUDITOR = 'person-co-auditor';

export type Data = Record<string, { id: string; version: number } & Record<string, unknown>>;

/** Runs a mutation and answers its data, failing the test with the errors when it was refused. */
export const mutate = async (
  api: ApiHarness,
  role: Role,
  name: MutationName,
  input: Record<string, unknown>,
  expectedVersion?: number,
) => {
  const response = await api.query(role, MUTATIONS[name], {
    input,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  });
  return dataOf(response, name);
};

/**
 * An INITIAL application by ADMIN for the organisation's site-hq, its certificate id
 * `<auditCycleId>-cert`: the raw answer, refusals included.
 */
export const applicationOverHttp = (
  api: ApiHarness,
  organisationId: string,
  auditCycleId: string,
  submittedOn: string,
  standard: { identifier: string; version: string } = STANDARD,
): Promise<GraphQLResponse> =>
  api.query(Role.ADMIN, MUTATIONS.submitApplication, {
    input: {
      auditCycleId,
      organisationId,
      certificateId: `${auditCycleId}-cert`,
      standard,
      scope: SCOPE,
      sites: ['site-hq'],
      submittedOn,
    },
  });

export const dataOf = (response: GraphQLResponse, name: string) => {
  const value = response.body.data?.[name] as Data[string] | undefined;
  if (response.body.errors || !value) {
    throw new Error(`${name} was refused: ${JSON.stringify(response.body.errors)}`);
  }
  return value;
};

/** A registered organisation with one site and readiness facts that pass the default checklist. */
export const readyOrganisation = async (api: ApiHarness, organisationId: string) => {
  await mutate(api, Role.ADMIN, 'registerOrganisation', {
    organisationId,
    legalName: `${organisationId} Hosting Ltd`,
    registrationNumber: '91110000MA00000000',
    country: 'CN',
    address: '1 Data Road, Beijing',
    registeredOn: '2024-01-02',
  });
  await mutate(api, Role.ADMIN, 'addSite', {
    organisationId,
    siteId: 'site-hq',
    name: 'Head office',
    address: '1 Data Road, Beijing',
    country: 'CN',
    addedOn: '2024-01-02',
  });
  return mutate(api, Role.ADMIN, 'recordReadiness', {
    organisationId,
    recordedOn: '2024-06-01',
    managementSystemOperatingSince: '2024-01-15',
    lastInternalAuditCompletedOn: '2024-05-10',
    lastManagementReviewCompletedOn: '2024-05-20',
  });
};

/** Plans surveillance audit 1 of the cycle on one day, by the lead and co-auditor: the raw answer. */
export const planSurveillanceOverHttp = (
  api: ApiHarness,
  auditCycleId: string,
  auditId: string,
  plannedStart: string,
): Promise<GraphQLResponse> =>
  api.query(Role.AUDITOR, MUTATIONS.planAudit, {
    input: {
      auditCycleId,
      auditId,
      kind: 'SURVEILLANCE',
      surveillanceNumber: 1,
      plannedStart,
      plannedEnd: plannedStart,
      mode: 'ON_SITE',
      leadAuditorId: LEAD_AUDITOR,
      team: [LEAD_AUDITOR, CO_AUDITOR],
      sites: ['site-hq'],
    },
  });

/** Who audits which sites: by default the lead and co-auditor on the head office. */
export interface AuditTeam {
  leadAuditorId: string;
  team: string[];
  sites: string[];
}

const HEAD_OFFICE_TEAM: AuditTeam = {
  leadAuditorId: LEAD_AUDITOR,
  team: [LEAD_AUDITOR, CO_AUDITOR],
  sites: ['site-hq'],
};

/** Plans and completes an audit, on site, by `auditors` (default: `HEAD_OFFICE_TEAM`). */
export const auditOverHttp = async (
  api: ApiHarness,
  auditCycleId: string,
  auditId: string,
  kind: 'STAGE1' | 'STAGE2' | 'SPECIAL' | 'RECERTIFICATION' | 'TRANSITION',
  firstDay: string,
  lastDay: string,
  auditors: AuditTeam = HEAD_OFFICE_TEAM,
) => {
  await mutate(api, Role.AUDITOR, 'planAudit', {
    auditCycleId,
    auditId,
    kind,
    plannedStart: firstDay,
    plannedEnd: lastDay,
    mode: 'ON_SITE',
    ...auditors,
  });
  return mutate(api, Role.AUDITOR, 'completeAudit', {
    auditCycleId,
    auditId,
    firstDay,
    lastDay,
  });
};

/** Accepts the cycle's application, reviewed on `reviewedOn` by the decision maker. */
export const acceptedOverHttp = (api: ApiHarness, auditCycleId: string, reviewedOn: string) =>
  mutate(api, Role.DECISION_MAKER, 'reviewApplication', {
    auditCycleId,
    outcome: 'ACCEPTED',
    reasons: [],
    reviewedOn,
  });

/** An accepted application through stage 1 and stage 2, ready for a decision. */
export const cycleReadyForDecision = async (
  api: ApiHarness,
  organisationId: string,
  auditCycleId: string,
  certificateId: string,
) => {
  await readyOrganisation(api, organisationId);
  await mutate(api, Role.ADMIN, 'submitApplication', {
    auditCycleId,
    organisationId,
    certificateId,
    standard: STANDARD,
    scope: SCOPE,
    sites: ['site-hq'],
    submittedOn: '2024-06-03',
  });
  await acceptedOverHttp(api, auditCycleId, '2024-06-05');
  await auditOverHttp(
    api,
    auditCycleId,
    `${auditCycleId}-stage1`,
    'STAGE1',
    '2024-07-01',
    '2024-07-02',
  );
  return auditOverHttp(
    api,
    auditCycleId,
    `${auditCycleId}-stage2`,
    'STAGE2',
    '2024-08-05',
    '2024-08-07',
  );
};

/** A certificate granted on 2024-08-20 through mutations only. */
export const grantedOverHttp = async (
  api: ApiHarness,
  organisationId: string,
  auditCycleId = `${organisationId}-cycle`,
  certificateId = `${organisationId}-cert`,
) => {
  await cycleReadyForDecision(api, organisationId, auditCycleId, certificateId);
  const cycle = await grantOverHttp(api, auditCycleId);
  return { organisationId, auditCycleId, certificateId, cycle };
};

/** The decision of `grantedOverHttp`, for a cycle ready for it. */
export const grantOverHttp = (api: ApiHarness, auditCycleId: string) =>
  mutate(api, Role.DECISION_MAKER, 'decideCertification', {
    auditCycleId,
    decision: 'GRANTED',
    decidedOn: '2024-08-20',
    reasons: ['all requirements met'],
  });

/**
 * A recertification of the certificate granted by `grantedOverHttp` (expiry 2027-08-19) in audit
 * cycle `renewal`: applied for on 2027-03-01, accepted on 2027-03-02, audited on 2027-05-10/11.
 */
export const recertificationAuditedOverHttp = async (
  api: ApiHarness,
  certificateId: string,
  renewal: string,
) => {
  await mutate(api, Role.ADMIN, 'startRecertification', {
    certificateId,
    auditCycleId: renewal,
    submittedOn: '2027-03-01',
  });
  await acceptedOverHttp(api, renewal, '2027-03-02');
  return auditOverHttp(
    api,
    renewal,
    `${renewal}-audit`,
    'RECERTIFICATION',
    '2027-05-10',
    '2027-05-11',
  );
};

/** The deadline scan's record of the expiry (of 2027-08-19, by default) on `recordedOn`. */
export const expiryRecordedOverHttp = async (
  api: ApiHarness,
  certificateId: string,
  recordedOn = '2027-08-20',
) => {
  await api.service.expireCertificate(
    { certificateId, recordedOn: calendarDate(recordedOn) },
    { actor: 'deadline-scanner' },
  );
  await api.settle();
};
