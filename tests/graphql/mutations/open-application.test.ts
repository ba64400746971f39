import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import type { GraphQLResponse } from '../support/test-server';
import { firstError } from '../support/test-server';
import { MUTATIONS } from './mutation-documents';
import { applicationOverHttp, mutate, readyOrganisation, TRANSFER_IN } from './lifecycle-over-http';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

const apply = (
  organisationId: string,
  auditCycleId: string,
  standard?: { identifier: string; version: string },
): Promise<GraphQLResponse> =>
  applicationOverHttp(api, organisationId, auditCycleId, '2024-06-03', standard);

const eventCount = async () => (await api.store.readAll()).length;

const expectOpenApplication = (response: GraphQLResponse, open: string) => {
  expect(response.body.data?.submitApplication ?? response.body.data?.transferCertificateIn).toBe(
    undefined,
  );
  const error = firstError(response);
  expect(error.extensions).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'APPLICATION_ALREADY_OPEN',
  });
  expect(error.message).toContain(`initial application ${open} to ISO/IEC 20000-1:2018`);
  expect(error.message).toContain('neither rejected nor decided');
};

describe('a second application for a new certificate to the same standard', () => {
  it('is refused while the first is open, naming it, and nothing is appended', async () => {
    await readyOrganisation(api, 'org-open');
    expect((await apply('org-open', 'open-1')).body.errors).toBeUndefined();
    const before = await eventCount();
    expectOpenApplication(await apply('org-open', 'open-2'), 'open-1');
    expectOpenApplication(
      await api.query(Role.ADMIN, MUTATIONS.transferCertificateIn, {
        input: {
          ...TRANSFER_IN,
          auditCycleId: 'open-transfer',
          organisationId: 'org-open',
          certificateId: 'open-transfer-cert',
        },
      }),
      'open-1',
    );
    expect(await eventCount()).toBe(before);
  });

  it('is taken for another standard, and once the first is rejected', async () => {
    await readyOrganisation(api, 'org-other');
    expect((await apply('org-other', 'other-1')).body.errors).toBeUndefined();
    const quality = await apply('org-other', 'other-9001', {
      identifier: 'ISO 9001',
      version: '2015',
    });
    expect(quality.body.errors).toBeUndefined();
    await mutate(api, Role.DECISION_MAKER, 'reviewApplication', {
      auditCycleId: 'other-1',
      outcome: 'REJECTED',
      reasons: ['scope unclear'],
      reviewedOn: '2024-06-04',
    });
    expect((await apply('org-other', 'other-2')).body.errors).toBeUndefined();
  });

  it('sent twice at once over HTTP, is taken once and refused once', async () => {
    await readyOrganisation(api, 'org-at-once');
    const answers = await Promise.all([
      apply('org-at-once', 'at-once-1'),
      apply('org-at-once', 'at-once-2'),
    ]);
    const taken = answers.filter((answer) => answer.body.errors === undefined);
    const refused = answers.filter((answer) => answer.body.errors !== undefined);
    expect(taken).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const takenId = (taken[0]!.body.data?.submitApplication as { id: string }).id;
    expectOpenApplication(refused[0]!, takenId);
    const submitted = await api.store.readAll({ eventTypes: ['ApplicationSubmitted'] });
    expect(
      submitted.filter(
        (event) => (event.data as { organisationId: string }).organisationId === 'org-at-once',
      ),
    ).toHaveLength(1);
  });
});
