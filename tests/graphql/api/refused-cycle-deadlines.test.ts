import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { applicationAccepted, auditDone, d, registerReadyOrganisation } from './api-lifecycle';
import { cycleDeadlineViewsOn } from './deadline-views';

let api: ApiHarness;

const CYCLE = 'cycle-refused';

/**
 * Stage 1 on 2024-02-05/06, stage 2 on 2024-03-04/06 with a major nonconformity never verified
 * (response due 2024-06-04, verification limit 2024-09-06); certification refused on 2024-09-20.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2024-09-20T02:00:00Z' });
  const { service } = api;
  await registerReadyOrganisation(
    service,
    'org-refused',
    'Refused Hosting Co.',
    '91110000MA0F000001',
  );
  await applicationAccepted(service, {
    organisationId: 'org-refused',
    auditCycleId: CYCLE,
    certificateId: 'cert-refused',
  });
  await auditDone(service, CYCLE, 'stage1', 'STAGE1', '2024-02-05', '2024-02-06');
  await auditDone(service, CYCLE, 'stage2', 'STAGE2', '2024-03-04', '2024-03-06');
  await service.raiseNonconformity(
    {
      auditCycleId: CYCLE,
      ncId: 'nc-1',
      auditId: 'stage2',
      grade: 'MAJOR',
      clause: '8.7.3',
      description: 'backups are never restored',
      raisedOn: d('2024-03-06'),
    },
    { actor: 'aud-1' },
  );
  await service.decideCertification(
    {
      auditCycleId: CYCLE,
      decision: 'REFUSED',
      decidedOn: d('2024-09-20'),
      reasons: ['major nonconformity nc-1 never corrected'],
    },
    { actor: 'dm-1' },
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

/** The cycle's deadlines (`key STATE`), those upcomingDeadlines lists, and the dashboard's counts. */
const deadlinesOn = async (asOf: string) => {
  const { ofCycle, listed, counts } = await cycleDeadlineViewsOn(api, CYCLE, asOf);
  const label = ({ key, state }: { key: string; state: string }) => `${key} ${state}`;
  return {
    ofCycle: ofCycle.map(label),
    listed: listed.map(label),
    counts: counts
      .filter(({ overdue, met, ended }) => overdue + met + ended > 0)
      .map(({ type, overdue, met, ended }) => ({ type, overdue, met, ended })),
  };
};

it('shows what was overdue before the refusal, as of a date before it', async () => {
  expect(await deadlinesOn('2024-09-19')).toEqual({
    ofCycle: [
      'NC_RESPONSE_DUE:nc-1 OVERDUE',
      'STAGE2_DUE:stage1 MET',
      'MAJOR_NC_VERIFICATION_LIMIT:stage2 OVERDUE',
    ],
    listed: ['NC_RESPONSE_DUE:nc-1 OVERDUE', 'MAJOR_NC_VERIFICATION_LIMIT:stage2 OVERDUE'],
    counts: [
      { type: 'STAGE2_DUE', overdue: 0, met: 1, ended: 0 },
      { type: 'NC_RESPONSE_DUE', overdue: 1, met: 0, ended: 0 },
      { type: 'MAJOR_NC_VERIFICATION_LIMIT', overdue: 1, met: 0, ended: 0 },
    ],
  });
});

it('ends, unmet, what the refused cycle left open, from the refusal on', async () => {
  expect(await deadlinesOn('2024-09-20')).toEqual({
    ofCycle: [
      'NC_RESPONSE_DUE:nc-1 ENDED',
      'STAGE2_DUE:stage1 MET',
      'MAJOR_NC_VERIFICATION_LIMIT:stage2 ENDED',
    ],
    listed: [],
    counts: [
      { type: 'STAGE2_DUE', overdue: 0, met: 1, ended: 0 },
      { type: 'NC_RESPONSE_DUE', overdue: 0, met: 0, ended: 1 },
      { type: 'MAJOR_NC_VERIFICATION_LIMIT', overdue: 0, met: 0, ended: 1 },
    ],
  });
});
