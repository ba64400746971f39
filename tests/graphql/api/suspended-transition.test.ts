import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { auditDone, d, dataOf, errorOf, grantedIsms2013 } from './api-lifecycle';

let api: ApiHarness;

/**
 * ISO/IEC 27001:2013, granted 2024-03-20, suspended on 2025-05-01; its transition audit was
 * completed on 2025-06-03. Today is 2025-06-20.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-06-20T02:00:00Z' });
  await grantedIsms2013(api);
  const { service } = api;
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
  await auditDone(service, 'cycle-isms', 'transition', 'TRANSITION', '2025-06-02', '2025-06-03');
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
