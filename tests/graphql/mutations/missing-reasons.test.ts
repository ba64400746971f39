import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { firstError } from '../support/test-server';
import {
  applicationOverHttp,
  cycleReadyForDecision,
  readyOrganisation,
} from './lifecycle-over-http';
import { MUTATIONS } from './mutation-documents';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

const eventCount = async () => (await api.store.readAll()).length;

describe('a rejection or refusal without its reasons', () => {
  it('rejecting an application: BAD_USER_INPUT naming reasons, recording nothing', async () => {
    await readyOrganisation(api, 'org-reject');
    await applicationOverHttp(api, 'org-reject', 'org-reject-cycle', '2024-06-03');
    const before = await eventCount();
    const error = firstError(
      await api.query(Role.DECISION_MAKER, MUTATIONS.reviewApplication, {
        input: {
          auditCycleId: 'org-reject-cycle',
          outcome: 'REJECTED',
          reasons: [],
          reviewedOn: '2024-06-05',
        },
      }),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reasons',
      rule: 'REJECTION_REASONS_REQUIRED',
    });
    expect(error.message).toBe('rejecting the application on 2024-06-05 requires the reasons');
    expect(await eventCount()).toBe(before);
  });

  it('refusing certification: BAD_USER_INPUT naming reasons, recording nothing', async () => {
    await cycleReadyForDecision(api, 'org-refuse', 'org-refuse-cycle', 'org-refuse-cert');
    const before = await eventCount();
    const error = firstError(
      await api.query(Role.DECISION_MAKER, MUTATIONS.decideCertification, {
        input: {
          auditCycleId: 'org-refuse-cycle',
          decision: 'REFUSED',
          decidedOn: '2024-08-20',
          reasons: [],
        },
      }),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reasons',
      rule: 'REFUSAL_REASONS_REQUIRED',
    });
    expect(error.message).toBe('refusing certification on 2024-08-20 requires the reasons');
    expect(await eventCount()).toBe(before);
  });
});
