import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { firstError } from '../support/test-server';
import {
  acceptedOverHttp,
  auditOverHttp,
  CO_AUDITOR,
  LEAD_AUDITOR,
  mutate,
  readyOrganisation,
  SCOPE,
  STANDARD,
} from './lifecycle-over-http';
import { MUTATIONS } from './mutation-documents';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

const eventCount = async () => (await api.store.readAll()).length;

/** An accepted application whose stage 1 ended on 2024-07-02: stage 2 is due by 2025-01-02. */
const stage1Done = async (organisationId: string) => {
  const auditCycleId = `${organisationId}-cycle`;
  await readyOrganisation(api, organisationId);
  await mutate(api, Role.ADMIN, 'submitApplication', {
    auditCycleId,
    organisationId,
    certificateId: `${organisationId}-cert`,
    standard: STANDARD,
    scope: SCOPE,
    sites: ['site-hq'],
    submittedOn: '2024-06-03',
  });
  await acceptedOverHttp(api, auditCycleId, '2024-06-05');
  await auditOverHttp(api, auditCycleId, 'stage1', 'STAGE1', '2024-07-01', '2024-07-02');
  return auditCycleId;
};

const planStage2 = (auditCycleId: string, plannedStart: string, plannedEnd: string) =>
  api.query(Role.AUDITOR, MUTATIONS.planAudit, {
    input: {
      auditCycleId,
      auditId: 'stage2',
      kind: 'STAGE2',
      plannedStart,
      plannedEnd,
      mode: 'ON_SITE',
      leadAuditorId: LEAD_AUDITOR,
      team: [LEAD_AUDITOR, CO_AUDITOR],
      sites: ['site-hq'],
    },
  });

describe('planning stage 2 within its window after stage 1', () => {
  it('refuses a stage 2 planned to end after the window, naming its last day, recording nothing', async () => {
    const auditCycleId = await stage1Done('org-late-stage2');
    const before = await eventCount();
    const error = firstError(await planStage2(auditCycleId, '2025-01-02', '2025-01-03'));
    expect(error.extensions).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATION',
      rule: 'STAGE2_WINDOW_EXCEEDED',
    });
    expect(error.message).toBe(
      "stage 2 planned to end on 2025-01-03 is more than 6 months after stage 1's last day " +
        '2024-07-02 (stage 2 was due by 2025-01-02): stage 1 must be repeated',
    );
    expect(await eventCount()).toBe(before);
  });

  it('plans a stage 2 ending on the last day of the window', async () => {
    const auditCycleId = await stage1Done('org-timely-stage2');
    const response = await planStage2(auditCycleId, '2025-01-01', '2025-01-02');
    expect(response.body.errors).toBeUndefined();
  });
});
