import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { firstError, type GraphQLResponse } from '../support/test-server';
import { applicationOverHttp, readyOrganisation } from './lifecycle-over-http';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ readYourWritesTimeoutMs: 50 });
});
afterAll(() => api.close());

const apply = (auditCycleId: string): Promise<GraphQLResponse> =>
  applicationOverHttp(api, 'org-behind', auditCycleId, '2024-06-03');

const submitted = async () =>
  (await api.store.readAll({ eventTypes: ['ApplicationSubmitted'] })).map((event) => ({
    auditCycleId: (event.data as { auditCycleId: string }).auditCycleId,
    position: event.position,
  }));

describe('two applications sent at once over HTTP while the projections are stopped', () => {
  it('answers the one recorded READ_MODEL_TIMEOUT and the other SERVICE_UNAVAILABLE, recording it not', async () => {
    await readyOrganisation(api, 'org-behind');
    await api.settle();
    await api.runner.stop();
    const answers = await Promise.all([apply('behind-1'), apply('behind-2')]);
    const [recorded, ...others] = await submitted();
    expect(others).toEqual([]);
    const errors = answers.map((answer) => {
      expect(answer.body.data?.submitApplication ?? null).toBeNull();
      return firstError(answer);
    });
    expect(errors.map((error) => error.extensions?.code).sort()).toEqual([
      'READ_MODEL_TIMEOUT',
      'SERVICE_UNAVAILABLE',
    ]);
    const unrecorded = recorded!.auditCycleId === 'behind-1' ? 'behind-2' : 'behind-1';
    const refused = errors.find((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')!;
    expect(refused.extensions).toMatchObject({ position: recorded!.position });
    expect(refused.message).toContain('nothing was recorded');
    await api.runner.start();
    expect(firstError(await apply(unrecorded)).extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATION',
      rule: 'APPLICATION_ALREADY_OPEN',
    });
    expect(await submitted()).toEqual([recorded]);
  });
});
