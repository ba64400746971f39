import { auditCycleStreamName } from '../../../src/domain';
import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, seedLifecycle } from './api-lifecycle';

let api: ApiHarness;

/**
 * A store written before new certificate ids were checked against pending applications: an
 * audit cycle of org-acme names cert-beta, the certificate of org-beta.
 */
beforeAll(async () => {
  api = await startApiHarness({ clientOrganisationId: 'org-acme' });
  await seedLifecycle(api);
  const [submitted] = await api.store.readStream(auditCycleStreamName('cycle-acme'), {
    maxCount: 1,
  });
  await api.store.appendToStream(auditCycleStreamName('cycle-clash'), [
    {
      id: 'clash-1',
      type: 'ApplicationSubmitted',
      data: {
        ...(submitted!.data as Record<string, unknown>),
        auditCycleId: 'cycle-clash',
        certificateId: 'cert-beta',
      },
      metadata: submitted!.metadata,
    },
  ]);
  await api.settle();
}, 60_000);
afterAll(() => api.close());

it('links an audit cycle to no certificate of another organisation, whoever asks', async () => {
  for (const role of [Role.CLIENT, Role.ADMIN]) {
    const data = dataOf(
      await api.query(
        role,
        '{ auditCycle(id: "cycle-clash") { organisationId certificate { id } } }',
      ),
    );
    expect(data.auditCycle).toEqual({ organisationId: 'org-acme', certificate: null });
  }
});
