import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { firstError } from '../support/test-server';
import { cycleReadyForDecision } from './lifecycle-over-http';
import { MUTATIONS } from './mutation-documents';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

const eventCount = async () => (await api.store.readAll()).length;

/** A grant on 2024-08-20 of a cycle ready for it: surveillance audit 1 is due by 2025-08-20. */
const grant = (auditCycleId: string, effectiveOn: string) =>
  api.query(Role.DECISION_MAKER, MUTATIONS.decideCertification, {
    input: {
      auditCycleId,
      decision: 'GRANTED',
      decidedOn: '2024-08-20',
      effectiveOn,
      reasons: ['all requirements met'],
    },
  });

describe('the effective date of a new certificate', () => {
  it('refuses one ten years after the decision with EFFECTIVE_DATE_TOO_LATE, recording nothing', async () => {
    await cycleReadyForDecision(api, 'org-late-effect', 'org-late-effect-cycle', 'org-late-cert');
    const before = await eventCount();
    const error = firstError(await grant('org-late-effect-cycle', '2034-08-20'));
    expect(error.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATION',
      rule: 'EFFECTIVE_DATE_TOO_LATE',
    });
    expect(error.message).toMatch(/^effectiveOn 2034-08-20 is too late: .* due by 2025-08-20/);
    expect(await eventCount()).toBe(before);
  });

  it('takes one effective the day before surveillance audit 1 is due', async () => {
    await cycleReadyForDecision(
      api,
      'org-later-effect',
      'org-later-effect-cycle',
      'org-later-cert',
    );
    const response = await grant('org-later-effect-cycle', '2025-08-19');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.decideCertification).toMatchObject({
      status: 'CERTIFICATION_GRANTED',
    });
  });
});
