import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { firstError } from '../support/test-server';
import { grantedOverHttp, planSurveillanceOverHttp } from './lifecycle-over-http';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

const eventCount = async () => (await api.store.readAll()).length;

describe('planning a surveillance audit after a decision of 2024-08-20', () => {
  it('refuses one planned to start the day before, naming the decision, recording nothing', async () => {
    const { auditCycleId } = await grantedOverHttp(api, 'org-early-surveillance');
    const before = await eventCount();
    const response = await planSurveillanceOverHttp(
      api,
      auditCycleId,
      'surveillance-1',
      '2024-08-19',
    );
    expect(firstError(response)).toMatchObject({
      message:
        'surveillance audit 1 planned to start on 2024-08-19 precedes the certification decision of 2024-08-20',
      extensions: { code: 'DOMAIN_RULE_VIOLATION', rule: 'AUDIT_ORDER' },
    });
    expect(await eventCount()).toBe(before);
  });

  it('plans one starting on the decision day', async () => {
    const { auditCycleId } = await grantedOverHttp(api, 'org-prompt-surveillance');
    const response = await planSurveillanceOverHttp(
      api,
      auditCycleId,
      'surveillance-1',
      '2024-08-20',
    );
    expect(response.body.errors).toBeUndefined();
  });
});
