import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { auditDone, d, dataOf, recertified } from './api-lifecycle';
import { deadlineViewsOn } from './deadline-views';

let api: ApiHarness;

const ADMIN = { actor: 'admin-1' };
const DECISION_MAKER = { actor: 'dm-1' };
const ISMS_2013 = { identifier: 'ISO/IEC 27001', version: '2013' };
const TRANSITION = 'TRANSITION_DEADLINE:ISO/IEC 27001:2013';
const RESTORED = `${TRANSITION}:restored:2023-07-03`;

/**
 * ISO/IEC 27001:2013, granted 2020-06-01: it expires 2023-05-31, after ISO/IEC 27001:2022 was
 * published (2022-10-25), and nothing renews it in time (the expiry is recorded 2023-06-01). Today
 * is 2023-07-10.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2023-07-10T02:00:00Z' });
  const { service } = api;
  await service.registerOrganisation(
    {
      organisationId: 'org-isms',
      legalName: 'Isms Hosting Co.',
      registrationNumber: '91110000MA0I000001',
      country: 'CN',
      address: '1 Data Road, Beijing',
      registeredOn: d('2019-09-01'),
    },
    ADMIN,
  );
  for (const [siteId, name] of [
    ['site-bj', 'Beijing head office'],
    ['site-sh', 'Shanghai data centre'],
  ] as const) {
    await service.addSite(
      {
        organisationId: 'org-isms',
        siteId,
        name,
        address: `${name} road`,
        country: 'CN',
        addedOn: d('2019-09-01'),
      },
      ADMIN,
    );
  }
  await service.recordReadiness(
    {
      organisationId: 'org-isms',
      recordedOn: d('2019-12-05'),
      managementSystemOperatingSince: d('2019-06-01'),
      lastInternalAuditCompletedOn: d('2019-11-15'),
      lastManagementReviewCompletedOn: d('2019-12-01'),
    },
    ADMIN,
  );
  await service.submitApplication(
    {
      auditCycleId: 'cycle-isms',
      organisationId: 'org-isms',
      certificateId: 'cert-isms',
      standard: ISMS_2013,
      scope: {
        text: 'Information security of data-centre hosting services',
        services: ['hosting'],
        customers: ['external customers'],
        locations: ['Beijing', 'Shanghai'],
      },
      sites: ['site-bj', 'site-sh'],
      submittedOn: d('2020-01-10'),
    },
    ADMIN,
  );
  await service.reviewApplication(
    { auditCycleId: 'cycle-isms', outcome: 'ACCEPTED', reasons: [], reviewedOn: d('2020-01-15') },
    ADMIN,
  );
  await auditDone(service, 'cycle-isms', 'stage1', 'STAGE1', '2020-02-05', '2020-02-06');
  await auditDone(service, 'cycle-isms', 'stage2', 'STAGE2', '2020-03-04', '2020-03-06');
  await service.decideCertification(
    {
      auditCycleId: 'cycle-isms',
      decision: 'GRANTED',
      decidedOn: d('2020-06-01'),
      reasons: ['requirements met'],
    },
    DECISION_MAKER,
  );
  await api.settle();
  await service.expireCertificate(
    { certificateId: 'cert-isms', recordedOn: d('2023-06-01') },
    { actor: 'deadline-scanner' },
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

/** The certificate's transition deadlines, as the certificate, upcomingDeadlines and the dashboard show them. */
const transitionOn = async (asOf: string) => {
  const { ofCertificate, open, counts } = await deadlineViewsOn(api, 'cert-isms', asOf, 900);
  return {
    ofCertificate: Object.fromEntries(
      Object.entries(ofCertificate).filter(([key]) => key.startsWith('TRANSITION_DEADLINE')),
    ),
    open: open.filter((line) => line.startsWith('TRANSITION_DEADLINE')),
    counts: counts.find(({ type }) => type === 'TRANSITION_DEADLINE'),
  };
};

it('keeps the transition deadline ended by an expiry after the new version’s publication, and opens another on a restoration to the old version, so days between read as before the restoration', async () => {
  const expired = {
    ofCertificate: { [TRANSITION]: 'ENDED -' },
    open: [],
    counts: { type: 'TRANSITION_DEADLINE', upcoming: 0, overdue: 0, met: 0, ended: 1 },
  };
  expect(await transitionOn('2023-05-31')).toMatchObject({
    ofCertificate: { [TRANSITION]: 'UPCOMING -' },
  });
  expect(await transitionOn('2023-06-15')).toEqual(expired);

  await recertified(
    api,
    { certificateId: 'cert-isms', auditCycleId: 'cycle-isms-2' },
    {
      submittedOn: '2023-06-05',
      reviewedOn: '2023-06-06',
      audited: ['2023-06-12', '2023-06-13'],
      decidedOn: '2023-07-03',
    },
    ISMS_2013,
  );

  const restored = dataOf(
    await api.query(
      Role.VIEWER,
      '{ certificate(id: "cert-isms") { expiryDate revisions { cause standard { code } } } }',
    ),
  );
  expect(restored.certificate).toEqual({
    expiryDate: '2025-10-31',
    revisions: [
      { cause: 'ISSUED', standard: { code: 'ISO/IEC 27001:2013' } },
      { cause: 'RESTORED', standard: { code: 'ISO/IEC 27001:2013' } },
    ],
  });
  expect(await transitionOn('2023-06-15')).toEqual(expired);
  expect(await transitionOn('2023-07-03')).toEqual({
    ofCertificate: { [TRANSITION]: 'ENDED -', [RESTORED]: 'UPCOMING -' },
    open: [`${RESTORED} UPCOMING`],
    counts: { type: 'TRANSITION_DEADLINE', upcoming: 1, overdue: 0, met: 0, ended: 1 },
  });
}, 60_000);
