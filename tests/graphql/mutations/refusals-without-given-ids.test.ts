import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { firstError } from '../support/test-server';
import {
  acceptedOverHttp,
  auditOverHttp,
  LEAD_AUDITOR,
  mutate,
  readyOrganisation,
  SCOPE,
  STANDARD,
} from './lifecycle-over-http';
import { MUTATIONS } from './mutation-documents';

/**
 * An application, audit or finding sent without its id gets a generated one: a refusal names it by
 * what the caller sent, never by an id the caller never saw and that nothing recorded.
 */
let api: ApiHarness;
const ORGANISATION = 'org-unnamed';
const CYCLE = 'cycle-unnamed';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

beforeAll(async () => {
  api = await startApiHarness();
  await readyOrganisation(api, ORGANISATION);
  await mutate(api, Role.ADMIN, 'submitApplication', {
    auditCycleId: CYCLE,
    organisationId: ORGANISATION,
    standard: STANDARD,
    scope: SCOPE,
    sites: ['site-hq'],
    submittedOn: '2024-06-03',
  });
  await acceptedOverHttp(api, CYCLE, '2024-06-05');
  await auditOverHttp(api, CYCLE, 'stage1', 'STAGE1', '2024-07-01', '2024-07-02');
}, 60_000);
afterAll(() => api.close());

const refusal = async (role: Role, mutation: keyof typeof MUTATIONS, input: object) => {
  const before = (await api.store.readAll()).length;
  const error = firstError(await api.query(role, MUTATIONS[mutation], { input }));
  expect((await api.store.readAll()).length).toBe(before);
  expect(error.message).not.toMatch(UUID);
  return error;
};

const STAGE2_PLAN = {
  auditCycleId: CYCLE,
  kind: 'STAGE2',
  plannedStart: '2024-08-05',
  plannedEnd: '2024-08-06',
  mode: 'ON_SITE',
  leadAuditorId: LEAD_AUDITOR,
  team: [LEAD_AUDITOR],
  sites: ['site-hq'],
};

describe('a refusal of a request sent without the id of what it creates', () => {
  it('names an application by what it is, when one of its sites is not listed', async () => {
    const error = await refusal(Role.ADMIN, 'submitApplication', {
      organisationId: ORGANISATION,
      standard: { identifier: 'ISO 9001', version: '2015' },
      scope: SCOPE,
      sites: ['site-lab'],
    });
    expect(error).toMatchObject({
      message:
        'the application names site site-lab, which organisation org-unnamed does not list among its current sites',
      extensions: { code: 'DOMAIN_RULE_VIOLATION', rule: 'SITE_NOT_LISTED' },
    });
  });

  it('names an audit by its kind, when one of its sites is not listed', async () => {
    const error = await refusal(Role.AUDITOR, 'planAudit', { ...STAGE2_PLAN, sites: ['site-lab'] });
    expect(error).toMatchObject({
      message:
        'the STAGE2 audit names site site-lab, which organisation org-unnamed does not list among its current sites',
      extensions: { code: 'DOMAIN_RULE_VIOLATION', rule: 'SITE_NOT_LISTED' },
    });
  });

  it('names an audit by its kind, when it is planned before the application was accepted', async () => {
    const error = await refusal(Role.AUDITOR, 'planAudit', {
      ...STAGE2_PLAN,
      kind: 'STAGE1',
      plannedStart: '2024-06-04',
      plannedEnd: '2024-06-04',
    });
    expect(error).toMatchObject({
      message:
        'STAGE1 audit planned to start on 2024-06-04 precedes the acceptance of the application on 2024-06-05',
      extensions: { code: 'DOMAIN_RULE_VIOLATION', rule: 'AUDIT_ORDER' },
    });
  });

  it('names a finding by its date, when it is raised before its audit began or after its response was due', async () => {
    const finding = {
      auditCycleId: CYCLE,
      auditId: 'stage1',
      grade: 'MINOR',
      clause: '8.1',
      description: 'no capacity plan',
    };
    expect(
      await refusal(Role.AUDITOR, 'raiseNonconformity', { ...finding, raisedOn: '2024-06-30' }),
    ).toMatchObject({
      message: 'a nonconformity raised on 2024-06-30, before audit stage1 began on 2024-07-01',
      extensions: { code: 'DOMAIN_RULE_VIOLATION', rule: 'AUDIT_ORDER' },
    });
    expect(
      await refusal(Role.AUDITOR, 'raiseNonconformity', { ...finding, raisedOn: '2024-10-01' }),
    ).toMatchObject({
      message:
        'a nonconformity raised on 2024-10-01, after the response it is due by (2024-09-30, 90 days after audit stage1 ended on 2024-07-02): findings are reported with their audit',
      extensions: { code: 'DOMAIN_RULE_VIOLATION', rule: 'AUDIT_ORDER' },
    });
  });
});
