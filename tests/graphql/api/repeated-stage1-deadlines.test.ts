import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import {
  applicationAccepted,
  auditCompleted,
  auditPlanned,
  dataOf,
  registerReadyOrganisation,
} from './api-lifecycle';

let api: ApiHarness;

const CYCLE = 'cycle-restage1';

const plan = (auditId: string, first: string, last: string) =>
  auditPlanned(api.service, CYCLE, auditId, 'STAGE1', first, last);

const complete = (auditId: string, first: string, last: string) =>
  auditCompleted(api.service, CYCLE, auditId, first, last);

/**
 * Stage 1 on 2024-01-10 (stage 2 due by 2024-07-10), no stage 2 since: stage 1 must be repeated
 * (domain.md §2). The repeat is planned for 2024-10-01/02. Today is 2024-09-20.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2024-09-20T02:00:00Z' });
  const { service } = api;
  await registerReadyOrganisation(
    service,
    'org-restage1',
    'Restage Hosting Co.',
    '91110000MA0S000001',
  );
  await applicationAccepted(
    service,
    { organisationId: 'org-restage1', auditCycleId: CYCLE, certificateId: 'cert-restage1' },
    '2024-01-02',
    '2024-01-03',
  );
  await plan('stage1', '2024-01-10', '2024-01-10');
  await complete('stage1', '2024-01-10', '2024-01-10');
  await plan('stage1-repeat', '2024-10-01', '2024-10-02');
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const stage2DueOn = async (asOf: string) => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `query ($asOf: CalendarDate!) {
        auditCycle(id: "${CYCLE}") { deadlines(asOf: $asOf) { key state dueDate } }
        upcomingDeadlines(asOf: $asOf, types: [STAGE2_DUE], organisationId: "org-restage1") {
          edges { node { key state } } }
        dashboard(asOf: $asOf, organisationId: "org-restage1") {
          deadlinesByType { type upcoming overdue met ended } } }`,
      { asOf },
    ),
  );
  const deadlines = (
    data.auditCycle as { deadlines: { key: string; state: string; dueDate: string }[] }
  ).deadlines
    .filter(({ key }) => key.startsWith('STAGE2_DUE'))
    .map(({ key, state, dueDate }) => `${key} ${state} ${dueDate}`);
  const listed = (
    data.upcomingDeadlines as { edges: { node: { key: string; state: string } }[] }
  ).edges.map(({ node }) => `${node.key} ${node.state}`);
  const counts = (data.dashboard as { deadlinesByType: { type: string }[] }).deadlinesByType.find(
    ({ type }) => type === 'STAGE2_DUE',
  );
  return { deadlines, listed, counts };
};

it('keeps the overdue stage-2 deadline while the repeated stage 1 is only planned', async () => {
  expect(await stage2DueOn('2024-09-20')).toEqual({
    deadlines: ['STAGE2_DUE:stage1 OVERDUE 2024-07-10'],
    listed: ['STAGE2_DUE:stage1 OVERDUE'],
    counts: { type: 'STAGE2_DUE', upcoming: 0, overdue: 1, met: 0, ended: 0 },
  });
});

it('ends it, unmet, when the repeat is completed, which sets the next; earlier dates answer as before', async () => {
  api.clock.set('2024-10-05T02:00:00Z');
  await complete('stage1-repeat', '2024-10-01', '2024-10-02');
  await api.settle();
  expect(await stage2DueOn('2024-10-05')).toEqual({
    deadlines: [
      'STAGE2_DUE:stage1 ENDED 2024-07-10',
      'STAGE2_DUE:stage1-repeat UPCOMING 2025-04-02',
    ],
    listed: [],
    counts: { type: 'STAGE2_DUE', upcoming: 0, overdue: 0, met: 0, ended: 1 },
  });
  expect(await stage2DueOn('2024-09-20')).toEqual({
    deadlines: ['STAGE2_DUE:stage1 OVERDUE 2024-07-10'],
    listed: ['STAGE2_DUE:stage1 OVERDUE'],
    counts: { type: 'STAGE2_DUE', upcoming: 0, overdue: 1, met: 0, ended: 0 },
  });
});
