import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import {
  applicationAccepted,
  auditDone,
  d,
  dataOf,
  ISMS,
  registerReadyOrganisation,
} from './api-lifecycle';
import { cacheConflicts, objectsReached } from './normalised-objects';

let api: ApiHarness;

const AUDITOR = { actor: 'aud-1' };

/**
 * Given two audit cycles of one organisation that name their audits and findings alike: in each, a
 * `stage1` and a `stage2` audit, on different days, and a minor nonconformity `nc-1` raised at
 * `stage2`, on a different clause, its plan accepted.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-03-01T02:00:00Z' });
  const { service } = api;
  await registerReadyOrganisation(service, 'org-ids', 'Same Ids Co.', '91110000MA0A000001');
  const cycles = [
    {
      auditCycleId: 'cycle-itsm',
      certificateId: 'cert-itsm',
      stage1: '2024-02-05',
      stage2: '2024-03-04',
      clause: '8.2.3',
    },
    {
      auditCycleId: 'cycle-isms',
      certificateId: 'cert-isms',
      stage1: '2024-04-15',
      stage2: '2024-05-20',
      clause: 'A.5.1',
      standard: ISMS,
    },
  ];
  for (const { auditCycleId, certificateId, stage1, stage2, clause, standard } of cycles) {
    await applicationAccepted(
      service,
      { organisationId: 'org-ids', auditCycleId, certificateId, standard },
      '2024-01-10',
      '2024-01-15',
    );
    await auditDone(service, auditCycleId, 'stage1', 'STAGE1', stage1, stage1);
    await auditDone(service, auditCycleId, 'stage2', 'STAGE2', stage2, stage2);
    await service.raiseNonconformity(
      {
        auditCycleId,
        ncId: 'nc-1',
        auditId: 'stage2',
        grade: 'MINOR',
        clause,
        description: `finding on ${clause}`,
        raisedOn: d(stage2),
      },
      AUDITOR,
    );
    await service.acceptCorrectiveActionPlan(
      { auditCycleId, ncId: 'nc-1', plan: `answer ${clause}`, acceptedOn: d(stage2) },
      AUDITOR,
    );
  }
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const AUDIT = '__typename id auditId kind plannedStart plannedEnd firstDay lastDay';
const NC = '__typename id ncId auditId clause description raisedOn responseDueOn plan';
const CYCLE = `__typename id audits { ${AUDIT} } nonconformities { ${NC} }`;

it('answers every field of the audits and nonconformities of two cycles that name them alike with one value each', async () => {
  const answers = [];
  for (const auditCycleId of ['cycle-itsm', 'cycle-isms']) {
    answers.push(
      dataOf(await api.query(Role.VIEWER, `{ auditCycle(id: "${auditCycleId}") { ${CYCLE} } }`)),
    );
  }
  expect(cacheConflicts(...answers)).toEqual([]);
  const reached = [...objectsReached(...answers).keys()];
  expect(reached.filter((key) => key.startsWith('Audit:'))).toHaveLength(4);
  expect(reached.filter((key) => key.startsWith('Nonconformity:'))).toHaveLength(2);
});

it('names an audit and a nonconformity by their cycle, beside the ids the commands take', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ auditCycle(id: "cycle-isms") { audits { id auditId } nonconformities { id ncId auditId } } }`,
    ),
  );
  expect(data.auditCycle).toEqual({
    audits: [
      { id: 'cycle-isms:stage1', auditId: 'stage1' },
      { id: 'cycle-isms:stage2', auditId: 'stage2' },
    ],
    nonconformities: [{ id: 'cycle-isms:nc-1', ncId: 'nc-1', auditId: 'stage2' }],
  });
});
