import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { firstError } from '../support/test-server';
import {
  grantedOverHttp,
  mutate,
  planSurveillanceOverHttp,
  recertificationAuditedOverHttp,
} from './lifecycle-over-http';
import { MUTATIONS } from './mutation-documents';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ now: '2028-01-01T09:00:00Z' });
});
afterAll(() => api.close());

const eventCount = async () => (await api.store.readAll()).length;

/** Granted on 2024-08-20 (expiry 2027-08-19), renewed by `<org>-recert`, decided on 2027-06-01. */
const renewedOverHttp = async (organisationId: string) => {
  const { auditCycleId, certificateId } = await grantedOverHttp(api, organisationId);
  const renewal = `${organisationId}-recert`;
  await recertificationAuditedOverHttp(api, certificateId, renewal);
  await mutate(api, Role.DECISION_MAKER, 'decideCertification', {
    auditCycleId: renewal,
    decision: 'GRANTED',
    decidedOn: '2027-06-01',
    reasons: ['recertification audit satisfactory'],
  });
  return { auditCycleId, renewal };
};

describe('audits of a cycle that a renewal followed (decided on 2027-06-01)', () => {
  it('refuses one planned to start on the renewal day in the old cycle, naming the new one, recording nothing', async () => {
    const { auditCycleId, renewal } = await renewedOverHttp('org-misfiled-plan');
    const before = await eventCount();
    const response = await planSurveillanceOverHttp(
      api,
      auditCycleId,
      'late-surveillance',
      '2027-06-01',
    );
    expect(firstError(response)).toMatchObject({
      message:
        `audit cycle ${auditCycleId} was followed by audit cycle ${renewal}, which began with ` +
        'the renewal decided on 2027-06-01: an audit planned to start on 2027-06-01 belongs to ' +
        'that cycle',
      extensions: { code: 'DOMAIN_RULE_VIOLATION', rule: 'AUDIT_ORDER' },
    });
    expect(await eventCount()).toBe(before);
    const inRenewal = await planSurveillanceOverHttp(
      api,
      renewal,
      'renewal-surveillance-1',
      '2027-06-01',
    );
    expect(inRenewal.body.errors).toBeUndefined();
  });

  it('refuses to complete there an audit held after the renewal, though planned before it', async () => {
    const { auditCycleId } = await renewedOverHttp('org-misfiled-audit');
    expect(
      (await planSurveillanceOverHttp(api, auditCycleId, 'late', '2027-05-31')).body.errors,
    ).toBeUndefined();
    const before = await eventCount();
    const response = await api.query(Role.AUDITOR, MUTATIONS.completeAudit, {
      input: { auditCycleId, auditId: 'late', firstDay: '2027-06-02', lastDay: '2027-06-02' },
    });
    expect(firstError(response)).toMatchObject({
      message: expect.stringContaining(
        'the renewal decided on 2027-06-01: an audit starting on 2027-06-02 belongs to that cycle',
      ) as string,
      extensions: { code: 'DOMAIN_RULE_VIOLATION', rule: 'AUDIT_ORDER' },
    });
    expect(await eventCount()).toBe(before);
  });
});
