import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { mutate } from '../mutations/lifecycle-over-http';
import { MUTATIONS } from '../mutations/mutation-documents';
import { dataOf, errorOf, registerReadyOrganisation } from './api-lifecycle';

let api: ApiHarness;

/** Today is 2025-06-20; the previous CB decided the cycle on 2024-03-20 (expiry 2027-03-19). */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-06-20T02:00:00Z' });
}, 60_000);
afterAll(() => api.close());

let organisations = 0;

/**
 * A transfer by its own organisation (one open application per standard), applied for on
 * 2025-06-02; by default the previous cycle was decided on 2024-03-20 and its surveillance 1
 * done, so surveillance 2 is due by 2026-03-20.
 */
const transferSubmitted = async (name: string, previous: Record<string, unknown> = {}) => {
  const organisationId = `org-${name}`;
  const auditCycleId = `cycle-${name}`;
  organisations += 1;
  const registrationNumber = `91110000MA0T${String(organisations).padStart(6, '0')}`;
  await registerReadyOrganisation(api.service, organisationId, `${name} Co.`, registrationNumber);
  await mutate(api, Role.ADMIN, 'transferCertificateIn', {
    organisationId,
    auditCycleId,
    standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
    scope: { text: 'IT services', services: ['hosting'], customers: ['all'], locations: ['BJ'] },
    sites: ['site-bj'],
    previousCertificationBody: 'Other CB Ltd',
    previousCertificateNumber: `OCB-${name}`,
    previousCycleDecisionDate: '2024-03-20',
    certificateExpiryDate: '2027-03-19',
    surveillanceProgramme: { completedSurveillances: 1, lastSurveillanceLastDay: '2025-02-11' },
    submittedOn: '2025-06-02',
    ...previous,
  });
  return auditCycleId;
};

/** The transfer above, its application accepted on 2025-06-05. */
const transferApplied = async (name: string, previous: Record<string, unknown> = {}) => {
  const auditCycleId = await transferSubmitted(name, previous);
  await mutate(api, Role.ADMIN, 'reviewApplication', {
    auditCycleId,
    outcome: 'ACCEPTED',
    reasons: [],
    reviewedOn: '2025-06-05',
  });
  return auditCycleId;
};

/** A pre-transfer review that finds the certificate transferable. */
const REVIEW = {
  reviewedOn: '2025-06-10',
  accredited: true,
  certificateStatus: 'VALID',
  reasonsForTransfer: ['consolidating certification bodies'],
  outstandingNonconformities: [],
  lastReports: ['surveillance 1 report 2025-02-11'],
  complaints: [],
};

const transferReview = (auditCycleId: string, changes: Record<string, unknown> = {}) =>
  api.query(Role.DECISION_MAKER, MUTATIONS.recordTransferReview, {
    input: { ...REVIEW, auditCycleId, ...changes },
  });

const cycleOf = async (auditCycleId: string) =>
  dataOf(
    await api.query(
      Role.VIEWER,
      `{ auditCycle(id: "${auditCycleId}") { version transferReview { reviewedOn } } }`,
    ),
  ).auditCycle;

it('refuses a pre-transfer review that finds a major nonconformity outstanding, recording nothing', async () => {
  const auditCycleId = await transferApplied('major');
  const refused = await transferReview(auditCycleId, {
    outstandingNonconformities: [
      { reference: 'OCB-NC-9', grade: 'MAJOR', description: 'no risk assessment' },
    ],
  });
  expect(errorOf(refused)).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'TRANSFER_OUTSTANDING_MAJOR_NONCONFORMITY',
    message: expect.stringContaining('OCB-NC-9 (no risk assessment)') as unknown,
  });
  expect(await cycleOf(auditCycleId)).toEqual({ version: 2, transferReview: null });
}, 60_000);

it('refuses a pre-transfer review after a surveillance of the previous programme fell overdue', async () => {
  const auditCycleId = await transferApplied('overdue', {
    previousCycleDecisionDate: '2023-05-10',
    certificateExpiryDate: '2026-05-09',
    surveillanceProgramme: { completedSurveillances: 1, lastSurveillanceLastDay: '2024-04-20' },
  });
  expect(errorOf(await transferReview(auditCycleId))).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'TRANSFER_SURVEILLANCE_OVERDUE',
    message: expect.stringContaining(
      'is not in good standing on 2025-06-10: surveillance audit 2 of its programme was due by ' +
        '2025-05-10 and is not completed',
    ) as unknown,
  });
  expect(await cycleOf(auditCycleId)).toEqual({ version: 2, transferReview: null });
}, 60_000);

const upcomingOf = async (organisationId: string) =>
  dataOf(
    await api.query(
      Role.VIEWER,
      `{ upcomingDeadlines(asOf: "2025-06-20", withinDays: 3660, organisationId: "${organisationId}") {
          edges { node { id type dueDate state } } } }`,
    ),
  ).upcomingDeadlines;

it("lists the previous CB's surveillance audits only from a recorded pre-transfer review", async () => {
  const auditCycleId = await transferApplied('suspended');
  const refused = await transferReview(auditCycleId, { certificateStatus: 'SUSPENDED' });
  expect(errorOf(refused)).toMatchObject({ rule: 'TRANSFER_NOT_ALLOWED' });
  expect(await upcomingOf('org-suspended')).toEqual({ edges: [] });

  await mutate(api, Role.DECISION_MAKER, 'recordTransferReview', {
    ...REVIEW,
    auditCycleId,
    reviewedOn: '2025-06-12',
  });
  expect(await upcomingOf('org-suspended')).toEqual({
    edges: [
      {
        node: {
          id: `${auditCycleId}:SURVEILLANCE_AUDIT_DUE:2@2025-06-20`,
          type: 'SURVEILLANCE_AUDIT_DUE',
          dueDate: '2026-03-20',
          state: 'UPCOMING',
        },
      },
    ],
  });
}, 60_000);

it('refuses a pre-transfer review before the application review, recording nothing', async () => {
  const auditCycleId = await transferSubmitted('early');
  expect(errorOf(await transferReview(auditCycleId))).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'APPLICATION_NOT_ACCEPTED',
    message:
      'cannot record the pre-transfer review: the application of audit cycle cycle-early ' +
      'submitted on 2025-06-02 has not been accepted',
  });
  expect(await cycleOf(auditCycleId)).toEqual({ version: 1, transferReview: null });
}, 60_000);
