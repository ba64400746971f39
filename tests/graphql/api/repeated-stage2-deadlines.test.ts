import { Role } from '../../../src/graphql';
import { openDeadlines } from '../../../src/projections';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import {
  applicationAccepted,
  auditCompleted,
  auditPlanned,
  d,
  dataOf,
  registerReadyOrganisation,
} from './api-lifecycle';
import { cycleDeadlineViewsOn } from './deadline-views';

let api: ApiHarness;

const AUDITOR = { actor: 'aud-1' };
const CYCLE = 'cycle-repeat';

const plan = (auditId: string, kind: 'STAGE1' | 'STAGE2', first: string, last: string) =>
  auditPlanned(api.service, CYCLE, auditId, kind, first, last);

const complete = (auditId: string, first: string, last: string) =>
  auditCompleted(api.service, CYCLE, auditId, first, last);

/**
 * Stage 1 on 2024-01-10 (stage 2 due by 2024-07-10), stage 2 on 2024-02-28/29 with a major
 * nonconformity not verified by its limit, 2024-08-29, and a minor never answered (response due
 * 2024-05-29): stage 2 is repeated in September.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2024-09-05T02:00:00Z' });
  const { service } = api;
  await registerReadyOrganisation(
    service,
    'org-repeat',
    'Repeat Hosting Co.',
    '91110000MA0R000001',
  );
  await applicationAccepted(
    service,
    { organisationId: 'org-repeat', auditCycleId: CYCLE, certificateId: 'cert-repeat' },
    '2024-01-02',
    '2024-01-03',
  );
  await plan('stage1', 'STAGE1', '2024-01-10', '2024-01-10');
  await complete('stage1', '2024-01-10', '2024-01-10');
  await plan('stage2', 'STAGE2', '2024-02-28', '2024-02-29');
  await complete('stage2', '2024-02-28', '2024-02-29');
  await service.raiseNonconformity(
    {
      auditCycleId: CYCLE,
      ncId: 'nc-1',
      auditId: 'stage2',
      grade: 'MAJOR',
      clause: '8.7.3',
      description: 'backups are never restored',
      raisedOn: d('2024-02-29'),
    },
    AUDITOR,
  );
  await service.raiseNonconformity(
    {
      auditCycleId: CYCLE,
      ncId: 'nc-2',
      auditId: 'stage2',
      grade: 'MINOR',
      clause: '8.2.3',
      description: 'service level targets not monitored',
      raisedOn: d('2024-02-29'),
    },
    AUDITOR,
  );
  await plan('stage2-repeat', 'STAGE2', '2024-09-10', '2024-09-11');
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const stage2DueOn = async (asOf: string) => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `query ($asOf: CalendarDate!) {
        auditCycle(id: "${CYCLE}") { deadlines(asOf: $asOf) { key state metOn } }
        dashboard(asOf: $asOf) { deadlinesByType { type overdue } } }`,
      { asOf },
    ),
  );
  const deadlines = (data.auditCycle as { deadlines: { key: string; state: string }[] }).deadlines;
  const overdue = (data.dashboard as { deadlinesByType: { type: string; overdue: number }[] })
    .deadlinesByType;
  return {
    stage2Due: deadlines.find(({ key }) => key === 'STAGE2_DUE:stage1'),
    overdue: overdue.find(({ type }) => type === 'STAGE2_DUE')?.overdue,
  };
};

const LIMIT = 'MAJOR_NC_VERIFICATION_LIMIT:stage2';
const MINOR = 'NC_RESPONSE_DUE:nc-2';

/**
 * A deadline of the cycle (default: the first stage 2's verification limit) as the audit cycle,
 * upcomingDeadlines and the dashboard (its type's counts) show it.
 */
const limitOn = async (asOf: string, key = LIMIT) => {
  const { ofCycle, listed, counts } = await cycleDeadlineViewsOn(api, CYCLE, asOf);
  const limit = ofCycle.find((deadline) => deadline.key === key);
  const ofType = counts.find(({ type }) => key.startsWith(`${type}:`));
  return {
    ofCycle: limit ? `${limit.state} ${limit.metOn ?? '-'} ${limit.closesOn ?? '-'}` : 'absent',
    listed: listed.find((deadline) => deadline.key === key)?.state ?? 'not listed',
    counts: ofType && { upcoming: ofType.upcoming, overdue: ofType.overdue, ended: ofType.ended },
  };
};

it('keeps stage 2 due met on the first stage 2 once its repetition is planned', async () => {
  expect(await stage2DueOn('2024-09-05')).toEqual({
    stage2Due: { key: 'STAGE2_DUE:stage1', state: 'MET', metOn: '2024-02-29' },
    overdue: 0,
  });
});

it('keeps the missed verification limit overdue, after a late verification too, while the repeat is only planned', async () => {
  api.clock.set('2024-09-06T02:00:00Z');
  await api.service.verifyNonconformity(
    {
      auditCycleId: CYCLE,
      ncId: 'nc-1',
      correction: 'restore test run',
      correctiveAction: 'monthly restore tests',
      verifiedOn: d('2024-09-06'),
    },
    AUDITOR,
  );
  await api.settle();
  expect(await limitOn('2024-08-01')).toEqual({
    ofCycle: 'UPCOMING - -',
    listed: 'UPCOMING',
    counts: { upcoming: 1, overdue: 0, ended: 0 },
  });
  expect((await limitOn('2024-08-29')).ofCycle).toBe('DUE_TODAY - -');
  for (const asOf of ['2024-09-05', '2024-09-06']) {
    expect(await limitOn(asOf)).toEqual({
      ofCycle: 'OVERDUE - -',
      listed: 'OVERDUE',
      counts: { upcoming: 0, overdue: 1, ended: 0 },
    });
  }
});

it('keeps an unanswered finding of the repeated stage 2 overdue while the repeat is only planned', async () => {
  expect((await limitOn('2024-05-01', MINOR)).ofCycle).toBe('UPCOMING - -');
  expect(await limitOn('2024-09-05', MINOR)).toEqual({
    ofCycle: 'OVERDUE - -',
    listed: 'OVERDUE',
    counts: { upcoming: 0, overdue: 2, ended: 0 },
  });
  expect((await limitOn('2024-09-06', MINOR)).counts).toEqual({
    upcoming: 0,
    overdue: 1,
    ended: 0,
  });
});

it('keeps it met on the first stage 2, as of any date since, once the repetition is completed', async () => {
  api.clock.set('2024-09-12T02:00:00Z');
  await complete('stage2-repeat', '2024-09-10', '2024-09-11');
  await api.settle();
  for (const asOf of ['2024-05-01', '2024-09-05', '2024-09-12']) {
    expect(await stage2DueOn(asOf)).toEqual({
      stage2Due: { key: 'STAGE2_DUE:stage1', state: 'MET', metOn: '2024-02-29' },
      overdue: 0,
    });
  }
});

it("ends the missed limit, unmet, on the repeat's last day, and answers earlier dates as before", async () => {
  expect(await limitOn('2024-09-10')).toEqual({
    ofCycle: 'OVERDUE - -',
    listed: 'OVERDUE',
    counts: { upcoming: 0, overdue: 1, ended: 0 },
  });
  for (const asOf of ['2024-09-11', '2024-09-12']) {
    expect(await limitOn(asOf)).toEqual({
      ofCycle: 'ENDED - 2024-09-11',
      listed: 'not listed',
      counts: { upcoming: 0, overdue: 0, ended: 1 },
    });
  }
});

it('leaves it ended once certification is granted on the repeated stage 2', async () => {
  api.clock.set('2024-09-20T02:00:00Z');
  await api.service.decideCertification(
    { auditCycleId: CYCLE, decision: 'GRANTED', decidedOn: d('2024-09-20'), reasons: ['met'] },
    { actor: 'dm-1' },
  );
  await api.settle();
  expect(await limitOn('2024-09-20')).toEqual({
    ofCycle: 'ENDED - 2024-09-11',
    listed: 'not listed',
    counts: { upcoming: 0, overdue: 0, ended: 1 },
  });
  expect((await limitOn('2024-09-01')).ofCycle).toBe('OVERDUE - -');
});

it("ends the unanswered finding, unmet, on the repeat's last day, and answers earlier dates as before", async () => {
  expect((await limitOn('2024-09-06', MINOR)).ofCycle).toBe('OVERDUE - -');
  expect(await limitOn('2024-09-20', MINOR)).toEqual({
    ofCycle: 'ENDED - 2024-09-11',
    listed: 'not listed',
    counts: { upcoming: 0, overdue: 0, ended: 1 },
  });
});

it('gives the reminder scan the missed limit and the unanswered finding while the repeat is only planned, and neither from its last day', () => {
  const scanned = (asOf: string) =>
    [...openDeadlines(api.db, d(asOf), { withinDays: 0 })]
      .map(({ key }) => key)
      .filter((key) => key === LIMIT || key === MINOR)
      .sort();
  expect(scanned('2024-09-10')).toEqual([LIMIT, MINOR]);
  expect(scanned('2024-09-11')).toEqual([]);
});
