import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { firstError } from '../support/test-server';
import {
  acceptedOverHttp,
  auditOverHttp,
  grantedOverHttp,
  mutate,
  SCOPE,
  STANDARD,
} from './lifecycle-over-http';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ now: '2028-06-01T02:00:00Z' });
});
afterAll(() => api.close());

const SUBMIT = `mutation ($input: SubmitApplicationInput!) {
  submitApplication(input: $input) {
    id status version
    lapsedCertificate { certificateId number expiryDate restorationWindowEnd }
  }
}`;

const CERTIFICATES = `query ($organisationId: ID!) {
  certificates(filter: { organisationId: $organisationId }, asOf: "2028-06-01") {
    edges { node { id number status(asOf: "2028-06-01") originalCertificationDate expiryDate } }
  }
}`;

/** A new application of the organisation of a certificate granted 2024-08-20 (expiry 2027-08-19). */
const apply = (organisationId: string, submittedOn: string, formerCertificateId: string) =>
  api.query(Role.ADMIN, SUBMIT, {
    input: {
      auditCycleId: `${organisationId}-cycle-2`,
      organisationId,
      certificateId: `${organisationId}-cert-2`,
      standard: STANDARD,
      scope: SCOPE,
      sites: ['site-hq'],
      submittedOn,
      formerCertificateId,
    },
  });

const eventCount = async () => (await api.store.readAll()).length;

describe('a new certification from stage 2 after the restoration window', () => {
  it('starts at stage 2 and issues a new certificate', async () => {
    const { certificateId, organisationId } = await grantedOverHttp(api, 'org-lapsed');
    const submitted = await apply(organisationId, '2028-03-01', certificateId);
    expect(submitted.body.errors).toBeUndefined();
    expect(submitted.body.data?.submitApplication).toMatchObject({
      status: 'APPLICATION_SUBMITTED',
      lapsedCertificate: {
        certificateId,
        number: expect.stringMatching(/^CN-20000-\d+$/),
        expiryDate: '2027-08-19',
        restorationWindowEnd: '2028-02-19',
      },
    });
    const auditCycleId = `${organisationId}-cycle-2`;
    await acceptedOverHttp(api, auditCycleId, '2028-03-02');
    await auditOverHttp(api, auditCycleId, 'stage2-only', 'STAGE2', '2028-04-10', '2028-04-12');
    await mutate(api, Role.DECISION_MAKER, 'decideCertification', {
      auditCycleId,
      decision: 'GRANTED',
      decidedOn: '2028-04-20',
      reasons: ['stage 2 passed'],
    });
    await api.settle();
    const listed = await api.query(Role.VIEWER, CERTIFICATES, { organisationId });
    const nodes = (
      listed.body.data?.certificates as { edges: { node: Record<string, unknown> }[] }
    ).edges.map(({ node }) => node);
    expect(nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: certificateId, status: 'EXPIRED' }),
        expect.objectContaining({
          id: `${organisationId}-cert-2`,
          status: 'ACTIVE',
          originalCertificationDate: '2028-04-20',
          expiryDate: '2031-04-19',
        }),
      ]),
    );
  });

  it('refuses it within the restoration window with FORMER_CERTIFICATE_NOT_LAPSED, recording nothing', async () => {
    const { certificateId, organisationId } = await grantedOverHttp(api, 'org-in-window');
    const before = await eventCount();
    const error = firstError(await apply(organisationId, '2028-02-19', certificateId));
    expect(error.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATION',
      rule: 'FORMER_CERTIFICATE_NOT_LAPSED',
    });
    expect(error.message).toMatch(/may still be restored until 2028-02-19/);
    expect(await eventCount()).toBe(before);
  });

  it('answers NOT_FOUND for an unknown former certificate, recording nothing', async () => {
    const { organisationId } = await grantedOverHttp(api, 'org-unknown-former');
    const before = await eventCount();
    const error = firstError(await apply(organisationId, '2028-03-01', 'no-such-certificate'));
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await eventCount()).toBe(before);
  });
});
