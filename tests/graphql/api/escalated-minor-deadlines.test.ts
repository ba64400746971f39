import { DEFAULT_POLICY } from '../../../src/domain';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import {
  applicationAccepted,
  auditCompleted,
  auditPlanned,
  d,
  registerReadyOrganisation,
} from './api-lifecycle';
import { cycleDeadlineViewsOn } from './deadline-views';

let api: ApiHarness;

const AUDITOR = { actor: 'aud-1' };
const CYCLE = 'cycle-escalation';

const raise = (ncId: string, grade: 'MAJOR' | 'MINOR') =>
  api.service.raiseNonconformity(
    {
      auditCycleId: CYCLE,
      ncId,
      auditId: 'stage2',
      grade,
      clause: '8.7.3',
      description: 'backups are never restored',
      raisedOn: d('2024-02-29'),
    },
    AUDITOR,
  );

/**
 * Stage 2 on 2024-02-28/29 (verification limit 2024-08-29) with a major verified on 2024-04-01
 * and a minor (response due 2024-05-29) never answered, under a policy that escalates it.
 */
beforeAll(async () => {
  api = await startApiHarness({
    now: '2024-04-02T02:00:00Z',
    policy: { ...DEFAULT_POLICY, escalateOverdueMinor: true },
  });
  const { service } = api;
  await registerReadyOrganisation(
    service,
    'org-esc',
    'Escalation Hosting Co.',
    '91110000MA0E000001',
  );
  await applicationAccepted(
    service,
    { organisationId: 'org-esc', auditCycleId: CYCLE, certificateId: 'cert-esc' },
    '2024-01-02',
    '2024-01-03',
  );
  await auditPlanned(service, CYCLE, 'stage1', 'STAGE1', '2024-01-10', '2024-01-10');
  await auditCompleted(service, CYCLE, 'stage1', '2024-01-10', '2024-01-10');
  await auditPlanned(service, CYCLE, 'stage2', 'STAGE2', '2024-02-28', '2024-02-29');
  await auditCompleted(service, CYCLE, 'stage2', '2024-02-28', '2024-02-29');
  await raise('nc-major', 'MAJOR');
  await raise('nc-minor', 'MINOR');
  await service.verifyNonconformity(
    {
      auditCycleId: CYCLE,
      ncId: 'nc-major',
      correction: 'restore test run',
      correctiveAction: 'monthly restore tests',
      verifiedOn: d('2024-04-01'),
    },
    AUDITOR,
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const limitsOn = async (asOf: string) =>
  (await cycleDeadlineViewsOn(api, CYCLE, asOf)).ofCycle
    .filter(({ type }) => type === 'MAJOR_NC_VERIFICATION_LIMIT')
    .map(({ key, state, metOn }) => `${key} ${state} ${metOn ?? '-'}`);

it('answers the stage-2 limit as of any day before a minor is escalated as it did before', async () => {
  const before = await limitsOn('2024-06-01');
  expect(before).toEqual(['MAJOR_NC_VERIFICATION_LIMIT:stage2 MET 2024-04-01']);

  api.clock.set('2024-06-10T02:00:00Z');
  await api.service.escalateOverdueMinors(CYCLE, d('2024-06-10'));
  await api.settle();

  expect(await limitsOn('2024-06-01')).toEqual(before);
  expect(await limitsOn('2024-06-10')).toEqual([
    'MAJOR_NC_VERIFICATION_LIMIT:stage2 MET 2024-04-01',
    'MAJOR_NC_VERIFICATION_LIMIT:stage2:nc-minor UPCOMING -',
  ]);
  expect(await limitsOn('2024-08-30')).toEqual([
    'MAJOR_NC_VERIFICATION_LIMIT:stage2 MET 2024-04-01',
    'MAJOR_NC_VERIFICATION_LIMIT:stage2:nc-minor OVERDUE -',
  ]);
});
