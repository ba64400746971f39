import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { mutate } from '../mutations/lifecycle-over-http';
import { MUTATIONS } from '../mutations/mutation-documents';
import { dataOf } from './api-lifecycle';
import { TRANSFER_2025, transfer2025Reviewed } from './transfer-over-http';

let api: ApiHarness;

/**
 * Today is 2026-09-20. A client that never recorded readiness facts transferred in a certificate
 * (the previous cycle decided on 2024-03-20, expiry 2027-03-19), granted on 2025-06-20.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2026-09-20T02:00:00Z' });
  await mutate(api, Role.ADMIN, 'registerOrganisation', {
    organisationId: 'org-moved',
    legalName: 'Moved Co.',
    registrationNumber: '91110000MA0R000001',
    country: 'CN',
    address: '1 Data Road, Beijing',
    registeredOn: '2023-09-01',
  });
  await mutate(api, Role.ADMIN, 'addSite', {
    organisationId: 'org-moved',
    siteId: 'site-bj',
    name: 'Beijing head office',
    address: 'Beijing head office road',
    country: 'CN',
    addedOn: '2023-09-01',
  });
  await mutate(api, Role.ADMIN, 'transferCertificateIn', {
    organisationId: 'org-moved',
    auditCycleId: 'cycle-moved',
    certificateId: 'cert-moved',
    ...TRANSFER_2025,
    previousCertificateNumber: 'OCB-moved',
  });
  await transfer2025Reviewed(api, 'cycle-moved');
  await mutate(api, Role.DECISION_MAKER, 'decideCertification', {
    auditCycleId: 'cycle-moved',
    decision: 'GRANTED',
    decidedOn: '2025-06-20',
    reasons: [],
  });
}, 60_000);
afterAll(() => api.close());

it('accepts the recertification of a transferred-in certificate without the readiness facts its certification shows', async () => {
  await mutate(api, Role.ADMIN, 'startRecertification', {
    certificateId: 'cert-moved',
    auditCycleId: 'cycle-moved-2',
    submittedOn: '2026-09-15',
  });
  dataOf(
    await api.query(Role.ADMIN, MUTATIONS.reviewApplication, {
      input: {
        auditCycleId: 'cycle-moved-2',
        outcome: 'ACCEPTED',
        reasons: [],
        reviewedOn: '2026-09-20',
      },
    }),
  );
  expect(
    dataOf(await api.query(Role.VIEWER, '{ auditCycle(id: "cycle-moved-2") { kind status } }'))
      .auditCycle,
  ).toEqual({ kind: 'RECERTIFICATION', status: 'APPLICATION_ACCEPTED' });
}, 60_000);
