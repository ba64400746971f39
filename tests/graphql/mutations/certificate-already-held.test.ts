import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import type { GraphQLResponse } from '../support/test-server';
import { firstError } from '../support/test-server';
import { MUTATIONS } from './mutation-documents';
import { applicationOverHttp, grantedOverHttp, TRANSFER_IN } from './lifecycle-over-http';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ now: '2028-06-01T02:00:00Z' });
});
afterAll(() => api.close());

/** A new application of the holder of a certificate granted 2024-08-20 (expiry 2027-08-19). */
const apply = (
  organisationId: string,
  auditCycleId: string,
  submittedOn: string,
  standard?: { identifier: string; version: string },
): Promise<GraphQLResponse> =>
  applicationOverHttp(api, organisationId, auditCycleId, submittedOn, standard);

const transferIn = (organisationId: string, submittedOn: string): Promise<GraphQLResponse> =>
  api.query(Role.ADMIN, MUTATIONS.transferCertificateIn, {
    input: {
      ...TRANSFER_IN,
      auditCycleId: `${organisationId}-transfer`,
      organisationId,
      certificateId: `${organisationId}-transfer-cert`,
      submittedOn,
    },
  });

const eventCount = async () => (await api.store.readAll()).length;

const numberOf = async (certificateId: string) => {
  const response = await api.query(
    Role.VIEWER,
    'query ($id: ID!) { certificate(id: $id) { number } }',
    { id: certificateId },
  );
  return (response.body.data?.certificate as { number: string }).number;
};

const expectHeld = (response: GraphQLResponse, number: string, standing: RegExp) => {
  expect(response.body.data?.submitApplication ?? response.body.data?.transferCertificateIn).toBe(
    undefined,
  );
  const error = firstError(response);
  expect(error.extensions).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'CERTIFICATE_ALREADY_HELD',
  });
  expect(error.message).toContain(
    `the organisation already holds certificate ${number} to ISO/IEC 20000-1:2018`,
  );
  expect(error.message).toMatch(standing);
};

describe('an application for a second certificate to a standard the organisation holds', () => {
  it('is refused while the certificate is active, initial or transfer, appending nothing', async () => {
    const { organisationId, certificateId } = await grantedOverHttp(api, 'org-active');
    const number = await numberOf(certificateId);
    const before = await eventCount();
    expectHeld(await apply(organisationId, 'active-2', '2025-01-10'), number, /is active/);
    expectHeld(await transferIn(organisationId, '2025-01-10'), number, /no new transfer/);
    expect(await eventCount()).toBe(before);
  });

  it('is refused while the expired certificate may be restored, and taken after', async () => {
    const { organisationId, certificateId } = await grantedOverHttp(api, 'org-expired');
    const number = await numberOf(certificateId);
    expectHeld(
      await apply(organisationId, 'expired-in-window', '2028-02-19'),
      number,
      /may still be restored until 2028-02-19.*restore it by recertification/,
    );
    const after = await apply(organisationId, 'expired-after-window', '2028-02-20');
    expect(after.body.errors).toBeUndefined();
  });

  it('is taken for another standard', async () => {
    const { organisationId } = await grantedOverHttp(api, 'org-quality');
    const quality = await apply(organisationId, 'quality-1', '2025-01-10', {
      identifier: 'ISO 9001',
      version: '2015',
    });
    expect(quality.body.errors).toBeUndefined();
  });
});
