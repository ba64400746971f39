import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import {
  applicationAccepted,
  auditDone,
  d,
  dataOf,
  errorOf,
  registerReadyOrganisation,
} from './api-lifecycle';

let api: ApiHarness;

/**
 * ISO/IEC 27001:2013, granted 2024-03-20, suspended on 2025-05-01; its transition audit was
 * completed on 2025-06-03. Today is 2025-06-20.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-06-20T02:00:00Z' });
  const { service } = api;
  await registerReadyOrganisation(service, 'org-isms', 'Isms Hosting Co.', '91110000MA0I000001');
  await applicationAccepted(service, {
    organisationId: 'org-isms',
    auditCycleId: 'cycle-isms',
    certificateId: 'cert-isms',
    standard: { identifier: 'ISO/IEC 27001', version: '2013' },
  });
  await auditDone(service, 'cycle-isms', 'stage1', 'STAGE1', '2024-02-05', '2024-02-06');
  await auditDone(service, 'cycle-isms', 'stage2', 'STAGE2', '2024-03-04', '2024-03-06');
  await service.decideCertification(
    {
      auditCycleId: 'cycle-isms',
      decision: 'GRANTED',
      decidedOn: d('2024-03-20'),
      reasons: ['met'],
    },
    { actor: 'dm-1' },
  );
  await api.settle();
  await service.suspendCertificate(
    {
      certificateId: 'cert-isms',
      grounds: 'NON_PAYMENT',
      details: 'fees unpaid',
      ownFault: true,
      suspendedOn: d('2025-05-01'),
    },
    { actor: 'dm-1' },
  );
  const auditor = { actor: 'aud-1' };
  await service.planAudit(
    {
      auditCycleId: 'cycle-isms',
      auditId: 'transition',
      kind: 'TRANSITION',
      plannedStart: d('2025-06-02'),
      plannedEnd: d('2025-06-03'),
      mode: 'ON_SITE',
      leadAuditorId: 'aud-1',
      team: ['aud-1'],
      sites: ['site-bj', 'site-sh'],
    },
    auditor,
  );
  await service.completeAudit(
    {
      auditCycleId: 'cycle-isms',
      auditId: 'transition',
      firstDay: d('2025-06-02'),
      lastDay: d('2025-06-03'),
    },
    auditor,
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const certificate = async () =>
  dataOf(
    await api.query(
      Role.VIEWER,
      `{ certificate(id: "cert-isms") {
          version revision status expiryDate standard { code } } }`,
    ),
  ).certificate;

it('refuses to transition a suspended certificate, and records nothing', async () => {
  const before = await certificate();
  expect(before).toMatchObject({
    revision: 1,
    status: 'SUSPENDED',
    expiryDate: '2025-10-31',
    standard: { code: 'ISO/IEC 27001:2013' },
  });
  const refused = await api.query(
    Role.DECISION_MAKER,
    `mutation ($input: TransitionStandardVersionInput!) {
      transitionStandardVersion(input: $input) { id } }`,
    {
      input: {
        certificateId: 'cert-isms',
        decisionDate: '2025-06-05',
        standard: { identifier: 'ISO/IEC 27001', version: '2022' },
      },
    },
  );
  expect(errorOf(refused)).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'CERTIFICATE_SUSPENDED',
    message: expect.stringMatching(
      /suspended since 2025-05-01; a transition needs it reinstated first/,
    ) as unknown,
  });
  expect(await certificate()).toEqual(before);
}, 60_000);
