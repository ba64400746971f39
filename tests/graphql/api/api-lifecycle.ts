import type { LifecycleService } from '../../../src/application';
import { type CalendarDate, calendarDate } from '../../../src/domain';
import { Role } from '../../../src/graphql';
import { auditOverHttp, mutate } from '../mutations/lifecycle-over-http';
import type { ApiHarness } from '../support/api-harness';
import type { GraphQLResponse } from '../support/test-server';

export const d = (date: string): CalendarDate => calendarDate(date);

const ADMIN = { actor: 'admin-1' };
const AUDITOR = { actor: 'aud-1' };
const DECISION_MAKER = { actor: 'dm-1' };

export const STANDARD = { identifier: 'ISO/IEC 20000-1', version: '2018' };
export const ISMS = { identifier: 'ISO/IEC 27001', version: '2022' };
const SCOPE = {
  text: 'IT service management of data-centre hosting services',
  services: ['hosting'],
  customers: ['external customers'],
  locations: ['Beijing', 'Shanghai'],
};

/** An organisation with the Beijing and Shanghai sites, ready for certification. */
export const registerReadyOrganisation = async (
  service: LifecycleService,
  organisationId: string,
  legalName: string,
  registrationNumber: string,
) => {
  await service.registerOrganisation(
    {
      organisationId,
      legalName,
      registrationNumber,
      country: 'CN',
      address: '1 Data Road, Beijing',
      registeredOn: d('2023-09-01'),
    },
    ADMIN,
  );
  for (const [siteId, name] of [
    ['site-bj', 'Beijing head office'],
    ['site-sh', 'Shanghai data centre'],
  ] as const) {
    await service.addSite(
      {
        organisationId,
        siteId,
        name,
        address: `${name} road`,
        country: 'CN',
        addedOn: d('2023-09-01'),
      },
      ADMIN,
    );
  }
  await service.recordReadiness(
    {
      organisationId,
      recordedOn: d('2023-12-05'),
      managementSystemOperatingSince: d('2023-06-01'),
      lastInternalAuditCompletedOn: d('2023-11-15'),
      lastManagementReviewCompletedOn: d('2023-12-01'),
    },
    ADMIN,
  );
};

type AuditKindPlanned = 'STAGE1' | 'STAGE2' | 'SURVEILLANCE' | 'RECERTIFICATION' | 'TRANSITION';

/** An audit planned for these days at both sites. */
export const auditPlanned = (
  service: LifecycleService,
  auditCycleId: string,
  auditId: string,
  kind: AuditKindPlanned,
  firstDay: string,
  lastDay: string,
  surveillanceNumber?: 1 | 2,
) =>
  service.planAudit(
    {
      auditCycleId,
      auditId,
      kind,
      ...(surveillanceNumber ? { surveillanceNumber } : {}),
      plannedStart: d(firstDay),
      plannedEnd: d(lastDay),
      mode: 'ON_SITE',
      leadAuditorId: 'aud-1',
      team: ['aud-1', 'aud-2'],
      sites: ['site-bj', 'site-sh'],
    },
    AUDITOR,
  );

/** A planned audit completed on these days. */
export const auditCompleted = (
  service: LifecycleService,
  auditCycleId: string,
  auditId: string,
  firstDay: string,
  lastDay: string,
) =>
  service.completeAudit(
    { auditCycleId, auditId, firstDay: d(firstDay), lastDay: d(lastDay) },
    AUDITOR,
  );

/** An audit planned and completed on these days at both sites. */
export const auditDone = async (
  service: LifecycleService,
  auditCycleId: string,
  auditId: string,
  kind: AuditKindPlanned,
  firstDay: string,
  lastDay: string,
  surveillanceNumber?: 1 | 2,
) => {
  await auditPlanned(service, auditCycleId, auditId, kind, firstDay, lastDay, surveillanceNumber);
  await auditCompleted(service, auditCycleId, auditId, firstDay, lastDay);
};

/** The days of a recertification: applied, accepted, audited (first and last day), decided. */
export interface RecertificationDays {
  submittedOn: string;
  reviewedOn: string;
  audited: [string, string];
  decidedOn: string;
}

/**
 * A recertification (a renewal, or a restoration after the expiry) applied for, accepted, audited
 * and granted on these days, to `standard` (default: the certificate's), then settled.
 */
export const recertified = async (
  api: ApiHarness,
  ids: { certificateId: string; auditCycleId: string },
  { submittedOn, reviewedOn, audited: [firstDay, lastDay], decidedOn }: RecertificationDays,
  standard?: { identifier: string; version: string },
) => {
  const { service } = api;
  const { auditCycleId } = ids;
  await service.startRecertification({ ...ids, standard, submittedOn: d(submittedOn) }, ADMIN);
  await service.reviewApplication(
    { auditCycleId, outcome: 'ACCEPTED', reasons: [], reviewedOn: d(reviewedOn) },
    ADMIN,
  );
  await auditDone(service, auditCycleId, 'recertification', 'RECERTIFICATION', firstDay, lastDay);
  await service.decideCertification(
    { auditCycleId, decision: 'GRANTED', decidedOn: d(decidedOn), reasons: ['met'] },
    DECISION_MAKER,
  );
  await api.settle();
};

/** An initial application for both sites, submitted and accepted on these days. */
export const applicationAccepted = async (
  service: LifecycleService,
  { organisationId, auditCycleId, certificateId, standard = STANDARD }: ApplicationIds,
  submittedOn = '2024-01-10',
  reviewedOn = '2024-01-15',
) => {
  await service.submitApplication(
    {
      auditCycleId,
      organisationId,
      certificateId,
      standard,
      scope: SCOPE,
      sites: ['site-bj', 'site-sh'],
      submittedOn: d(submittedOn),
    },
    ADMIN,
  );
  await service.reviewApplication(
    { auditCycleId, outcome: 'ACCEPTED', reasons: [], reviewedOn: d(reviewedOn) },
    ADMIN,
  );
};

interface ApplicationIds {
  organisationId: string;
  auditCycleId: string;
  certificateId: string;
  standard?: typeof STANDARD;
}

const applyAndAudit = async (
  service: LifecycleService,
  organisationId: string,
  auditCycleId: string,
  certificateId: string,
  standard = STANDARD,
) => {
  await applicationAccepted(service, { organisationId, auditCycleId, certificateId, standard });
  await auditDone(service, auditCycleId, 'stage1', 'STAGE1', '2024-02-05', '2024-02-06');
  await auditDone(service, auditCycleId, 'stage2', 'STAGE2', '2024-03-04', '2024-03-06');
};

const grant = (service: LifecycleService, auditCycleId: string, decidedOn: string) =>
  service.decideCertification(
    { auditCycleId, decision: 'GRANTED', decidedOn: d(decidedOn), reasons: ['requirements met'] },
    DECISION_MAKER,
  );

/**
 * Isms Hosting Co. (`org-isms`), certified to ISO/IEC 27001:2013 in `cycle-isms`: `cert-isms`,
 * granted 2024-03-20, whose cycle expiry 2027-03-19 is capped at the transition end, 2025-10-31.
 */
export const grantedIsms2013 = async (api: ApiHarness): Promise<void> => {
  const { service } = api;
  await registerReadyOrganisation(service, 'org-isms', 'Isms Hosting Co.', '91110000MA0I000001');
  await applyAndAudit(service, 'org-isms', 'cycle-isms', 'cert-isms', {
    identifier: 'ISO/IEC 27001',
    version: '2013',
  });
  await grant(service, 'cycle-isms', '2024-03-20');
  await api.settle();
};

/** An audit of Isms Hosting Co. by aud-1 at both sites, planned and completed over HTTP. */
export const ismsAuditOverHttp = async (
  api: ApiHarness,
  auditCycleId: string,
  auditId: string,
  kind: 'TRANSITION' | 'RECERTIFICATION',
  [firstDay, lastDay]: [string, string],
) => {
  await auditOverHttp(api, auditCycleId, auditId, kind, firstDay, lastDay, {
    leadAuditorId: 'aud-1',
    team: ['aud-1'],
    sites: ['site-bj', 'site-sh'],
  });
};

/**
 * `cert-isms` of `grantedIsms2013` transitioned to ISO/IEC 27001:2022 over HTTP: its transition
 * audit held on `audited`, the decision dated `decisionDate` (effective `effectiveDate`, if given).
 */
export const ismsTransitionedOverHttp = async (
  api: ApiHarness,
  audited: [string, string],
  decisionDate: string,
  effectiveDate?: string,
) => {
  await ismsAuditOverHttp(api, 'cycle-isms', 'transition', 'TRANSITION', audited);
  await mutate(api, Role.DECISION_MAKER, 'transitionStandardVersion', {
    certificateId: 'cert-isms',
    decisionDate,
    ...(effectiveDate ? { effectiveDate } : {}),
    standard: { identifier: 'ISO/IEC 27001', version: '2022' },
  });
};

/**
 * `cert-isms` of `grantedIsms2013` applied for recertification to ISO/IEC 27001:`version` in
 * `cycle-isms-2` over HTTP, accepted, and its recertification audit held on `audited` (not decided).
 */
export const ismsRecertificationAuditedOverHttp = async (
  api: ApiHarness,
  version: '2013' | '2022',
  { submittedOn, reviewedOn, audited }: Omit<RecertificationDays, 'decidedOn'>,
) => {
  await mutate(api, Role.ADMIN, 'startRecertification', {
    certificateId: 'cert-isms',
    auditCycleId: 'cycle-isms-2',
    standard: { identifier: 'ISO/IEC 27001', version },
    submittedOn,
  });
  await mutate(api, Role.ADMIN, 'reviewApplication', {
    auditCycleId: 'cycle-isms-2',
    outcome: 'ACCEPTED',
    reasons: [],
    reviewedOn,
  });
  await ismsAuditOverHttp(api, 'cycle-isms-2', 'recertification', 'RECERTIFICATION', audited);
};

/**
 * A ready organisation certified to ISO/IEC 20000-1:2018 after stage 1 and stage 2: the
 * certificate granted 2024-03-20 (expiry 2027-03-19), the read models settled.
 */
export const granted20000 = async (
  api: ApiHarness,
  { organisationId, auditCycleId, certificateId }: ApplicationIds,
  legalName: string,
  uscc: string,
): Promise<void> => {
  await registerReadyOrganisation(api.service, organisationId, legalName, uscc);
  await applyAndAudit(api.service, organisationId, auditCycleId, certificateId);
  await grant(api.service, auditCycleId, '2024-03-20');
  await api.settle();
};

/** Certified organisations besides Acme and Beta, granted on these dates (more deadlines to page). */
export const OTHERS = [
  { organisationId: 'org-delta', name: 'Delta Networks Co.', decidedOn: '2024-04-02' },
  { organisationId: 'org-epsilon', name: 'Epsilon Hosting Ltd', decidedOn: '2024-04-25' },
  { organisationId: 'org-zeta', name: 'Zeta Data Centres', decidedOn: '2024-05-20' },
] as const;

/**
 * Through the lifecycle service, the reactor and the projections:
 * - Acme (ISO/IEC 20000-1:2018): minor NC at stage 2 (plan accepted 2024-03-15), granted
 *   2024-03-20 (expiry 2027-03-19), suspended 2024-09-02, reinstated 2024-10-15, surveillance 1
 *   on 2025-02-10/11.
 * - Beta (ISO/IEC 27001:2022): granted 2024-06-10, no surveillance yet.
 * - Gamma: application accepted, stage 1 on 2024-02-05/06, no certificate.
 * - Delta, Epsilon, Zeta (ISO/IEC 20000-1:2018): granted on the dates of OTHERS.
 */
export const seedLifecycle = async (api: ApiHarness): Promise<void> => {
  const { service } = api;
  await registerReadyOrganisation(
    service,
    'org-acme',
    'Acme IT Services Co., Ltd.',
    '91310000MA1K4XXX0Q',
  );
  await applyAndAudit(service, 'org-acme', 'cycle-acme', 'cert-acme');
  await service.raiseNonconformity(
    {
      auditCycleId: 'cycle-acme',
      ncId: 'nc-1',
      auditId: 'stage2',
      grade: 'MINOR',
      clause: '8.2.3',
      description: 'service level targets not monitored',
      raisedOn: d('2024-03-06'),
    },
    AUDITOR,
  );
  await service.acceptCorrectiveActionPlan(
    {
      auditCycleId: 'cycle-acme',
      ncId: 'nc-1',
      plan: 'monitor SLAs monthly',
      acceptedOn: d('2024-03-15'),
    },
    AUDITOR,
  );
  await grant(service, 'cycle-acme', '2024-03-20');
  await api.settle();
  await service.suspendCertificate(
    {
      certificateId: 'cert-acme',
      grounds: 'SERIOUS_FAILURE',
      details: 'incident management failing',
      ownFault: true,
      suspendedOn: d('2024-09-02'),
    },
    DECISION_MAKER,
  );
  await service.reinstateCertificate(
    {
      certificateId: 'cert-acme',
      reason: 'corrective action verified',
      reinstatedOn: d('2024-10-15'),
    },
    DECISION_MAKER,
  );
  await auditDone(
    service,
    'cycle-acme',
    'surveillance-1',
    'SURVEILLANCE',
    '2025-02-10',
    '2025-02-11',
    1,
  );

  await registerReadyOrganisation(service, 'org-beta', 'Beta Cloud Ltd', '91440300MA5F000002');
  await applyAndAudit(service, 'org-beta', 'cycle-beta', 'cert-beta', ISMS);
  await grant(service, 'cycle-beta', '2024-06-10');

  await registerReadyOrganisation(
    service,
    'org-gamma',
    'Gamma Data Services',
    '91110000MA0G000003',
  );
  await service.submitApplication(
    {
      auditCycleId: 'cycle-gamma',
      organisationId: 'org-gamma',
      certificateId: 'cert-gamma',
      standard: STANDARD,
      scope: SCOPE,
      sites: ['site-bj'],
      submittedOn: d('2024-01-10'),
    },
    ADMIN,
  );
  await service.reviewApplication(
    { auditCycleId: 'cycle-gamma', outcome: 'ACCEPTED', reasons: [], reviewedOn: d('2024-01-15') },
    ADMIN,
  );
  await auditDone(service, 'cycle-gamma', 'stage1', 'STAGE1', '2024-02-05', '2024-02-06');

  for (const other of OTHERS) {
    const suffix = other.organisationId.replace('org-', '');
    await registerReadyOrganisation(
      service,
      other.organisationId,
      other.name,
      `9111000000000${suffix.length}${suffix}`,
    );
    await applyAndAudit(service, other.organisationId, `cycle-${suffix}`, `cert-${suffix}`);
    await grant(service, `cycle-${suffix}`, other.decidedOn);
  }
  await api.settle();
};

/** The data of a response that must have no errors. */
export const dataOf = (response: GraphQLResponse): Record<string, unknown> => {
  if (response.body.errors)
    throw new Error(`unexpected errors ${JSON.stringify(response.body.errors)}`);
  if (!response.body.data) throw new Error(`no data in ${JSON.stringify(response.body)}`);
  return response.body.data;
};

/** The single error of a response, with its code. */
export const errorOf = (response: GraphQLResponse) => {
  expect(response.body.errors).toHaveLength(1);
  const [error] = response.body.errors ?? [];
  return { message: error?.message, ...error?.extensions, stacktrace: undefined };
};
