import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, grantedIsms2013 } from './api-lifecycle';

let api: ApiHarness;

/**
 * ISO/IEC 27001:2013, granted 2024-03-20: surveillance 2, due 2026-03-20, falls after the
 * transition end (2025-10-31), so it is set only by the transition audit completed on 2025-06-10.
 * Today is 2025-06-20.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-06-20T02:00:00Z' });
  await grantedIsms2013(api);
}, 60_000);
afterAll(() => api.close());

const surveillanceKeysAsOf = async (asOf: string) => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `query ($asOf: CalendarDate!) {
        certificate(id: "cert-isms") { deadlines(asOf: $asOf) { key openedOn } }
        upcomingDeadlines(asOf: $asOf, withinDays: 3660, types: [SURVEILLANCE_AUDIT_DUE]) {
          edges { node { key } } } }`,
      { asOf },
    ),
  );
  const { deadlines } = data.certificate as { deadlines: { key: string; openedOn: string }[] };
  const { edges } = data.upcomingDeadlines as { edges: { node: { key: string } }[] };
  return {
    deadlines: deadlines.filter(({ key }) => key.startsWith('SURVEILLANCE_AUDIT_DUE')),
    upcoming: edges.map(({ node }) => node.key),
  };
};

it('lists the surveillance audit a transition audit set only as of the day it was completed', async () => {
  const before = await surveillanceKeysAsOf('2025-01-01');
  expect(before).toEqual({
    deadlines: [{ key: 'SURVEILLANCE_AUDIT_DUE:1', openedOn: '2024-03-20' }],
    upcoming: ['SURVEILLANCE_AUDIT_DUE:1'],
  });

  for (const [name, inputType, input] of [
    [
      'planAudit',
      'PlanAuditInput',
      {
        auditCycleId: 'cycle-isms',
        auditId: 'transition',
        kind: 'TRANSITION',
        plannedStart: '2025-06-09',
        plannedEnd: '2025-06-10',
        mode: 'ON_SITE',
        leadAuditorId: 'aud-1',
        team: ['aud-1'],
        sites: ['site-bj', 'site-sh'],
      },
    ],
    [
      'completeAudit',
      'CompleteAuditInput',
      {
        auditCycleId: 'cycle-isms',
        auditId: 'transition',
        firstDay: '2025-06-09',
        lastDay: '2025-06-10',
      },
    ],
  ] as const) {
    dataOf(
      await api.query(
        Role.AUDITOR,
        `mutation ($input: ${inputType}!) { ${name}(input: $input) { id } }`,
        { input },
      ),
    );
  }

  expect(await surveillanceKeysAsOf('2025-01-01')).toEqual(before);
  expect(await surveillanceKeysAsOf('2025-06-10')).toEqual({
    deadlines: [
      { key: 'SURVEILLANCE_AUDIT_DUE:1', openedOn: '2024-03-20' },
      { key: 'SURVEILLANCE_AUDIT_DUE:2', openedOn: '2025-06-10' },
    ],
    upcoming: ['SURVEILLANCE_AUDIT_DUE:1', 'SURVEILLANCE_AUDIT_DUE:2'],
  });
}, 60_000);
