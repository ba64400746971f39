import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { mutate } from '../mutations/lifecycle-over-http';
import { MUTATIONS } from '../mutations/mutation-documents';
import { dataOf, errorOf, registerReadyOrganisation } from './api-lifecycle';
import { TRANSFER_2025, transfer2025Reviewed } from './transfer-over-http';

let api: ApiHarness;

/** Today is 2025-06-20; the previous CB decided the cycle on 2024-03-20 (expiry 2027-03-19). */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-06-20T02:00:00Z' });
}, 60_000);
afterAll(() => api.close());

let organisations = 0;

const registered = async (name: string) => {
  organisations += 1;
  const registrationNumber = `91110000MA0D${String(organisations).padStart(6, '0')}`;
  await registerReadyOrganisation(api.service, `org-${name}`, `${name} Co.`, registrationNumber);
};

const transferIn = (name: string, changes: Record<string, unknown> = {}) =>
  api.query(Role.ADMIN, MUTATIONS.transferCertificateIn, {
    input: {
      ...TRANSFER_2025,
      organisationId: `org-${name}`,
      auditCycleId: `cycle-${name}`,
      certificateId: `cert-${name}`,
      previousCertificateNumber: `OCB-${name}`,
      ...changes,
    },
  });

/** TRANSFER_2025 for `name`, accepted on 2025-06-05 and found transferable on 2025-06-10. */
const transferReviewed = async (name: string, changes: Record<string, unknown> = {}) => {
  await registered(name);
  dataOf(await transferIn(name, changes));
  const auditCycleId = `cycle-${name}`;
  await transfer2025Reviewed(api, auditCycleId);
  return auditCycleId;
};

const grant = (auditCycleId: string, effectiveOn: string) =>
  api.query(Role.DECISION_MAKER, MUTATIONS.decideCertification, {
    input: { auditCycleId, decision: 'GRANTED', decidedOn: '2025-06-20', reasons: [], effectiveOn },
  });

const cycleOf = async (name: string) =>
  dataOf(
    await api.query(
      Role.VIEWER,
      `{ auditCycle(id: "cycle-${name}") { version decision { decision effectiveOn } } }`,
    ),
  ).auditCycle;

const certificateOf = (name: string) =>
  api.query(Role.VIEWER, `{ certificate(id: "cert-${name}") { effectiveDate } }`);

it('refuses a transfer taking effect once the next surveillance of its programme is due, recording nothing', async () => {
  const auditCycleId = await transferReviewed('late');
  expect(errorOf(await grant(auditCycleId, '2027-02-28'))).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'EFFECTIVE_DATE_TOO_LATE',
    message:
      'effectiveOn 2027-02-28 is too late: the transfer continues the cycle decided on ' +
      '2024-03-20 and surveillance audit 2 of its programme is due by 2026-03-20, so it takes ' +
      'effect before 2026-03-20',
  });
  expect(await cycleOf('late')).toEqual({ version: 3, decision: null });
  expect(errorOf(await certificateOf('late'))).toMatchObject({ code: 'NOT_FOUND' });

  dataOf(await grant(auditCycleId, '2026-03-19'));
  expect(await cycleOf('late')).toEqual({
    version: 4,
    decision: { decision: 'GRANTED', effectiveOn: '2026-03-19' },
  });
  expect(dataOf(await certificateOf('late')).certificate).toEqual({ effectiveDate: '2026-03-19' });
}, 60_000);

it('refuses a transfer application for a certificate expired when applied for, and records nothing that blocks the next', async () => {
  await registered('expired');
  expect(
    errorOf(
      await transferIn('expired', {
        previousCycleDecisionDate: '2022-02-01',
        certificateExpiryDate: '2025-01-31',
        surveillanceProgramme: { completedSurveillances: 2, lastSurveillanceLastDay: '2024-01-20' },
      }),
    ),
  ).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'certificateExpiryDate',
    message:
      'certificateExpiryDate 2025-01-31 is before the application on 2025-06-02: the ' +
      'certificate had expired, and only a valid certificate is transferred (IAF MD 2)',
  });
  expect(
    errorOf(await api.query(Role.VIEWER, '{ auditCycle(id: "cycle-expired") { version } }')),
  ).toMatchObject({ code: 'NOT_FOUND' });

  dataOf(await transferIn('expired', { auditCycleId: 'cycle-expired-2' }));
}, 60_000);

it('refuses a transfer whose next surveillance fell due before the decision until it is completed here, recording nothing', async () => {
  const auditCycleId = await transferReviewed('overdue', {
    previousCycleDecisionDate: '2024-06-15',
    certificateExpiryDate: '2027-06-14',
    surveillanceProgramme: { completedSurveillances: 0, lastSurveillanceLastDay: null },
  });
  expect(errorOf(await grant(auditCycleId, '2025-06-20'))).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'TRANSFER_SURVEILLANCE_OVERDUE',
    message:
      'certificate OCB-overdue of Other CB Ltd is not transferred on 2025-06-20: surveillance ' +
      'audit 1 of its programme was due by 2025-06-15 and is not completed. Complete it in this ' +
      'transfer cycle (a SURVEILLANCE audit, surveillanceNumber 1) before deciding, or refuse the ' +
      'transfer (decideCertification REFUSED) and treat the client as a new client (an initial ' +
      'application)',
  });
  expect(await cycleOf('overdue')).toEqual({ version: 3, decision: null });
  expect(errorOf(await certificateOf('overdue'))).toMatchObject({ code: 'NOT_FOUND' });

  const audit = { auditCycleId, auditId: 'surveillance-1', sites: ['site-bj'] };
  await mutate(api, Role.ADMIN, 'planAudit', {
    ...audit,
    kind: 'SURVEILLANCE',
    surveillanceNumber: 1,
    plannedStart: '2025-06-16',
    plannedEnd: '2025-06-17',
    mode: 'ON_SITE',
    leadAuditorId: 'lead',
    team: ['lead'],
  });
  await mutate(api, Role.ADMIN, 'completeAudit', {
    ...audit,
    firstDay: '2025-06-16',
    lastDay: '2025-06-17',
  });
  dataOf(await grant(auditCycleId, '2025-06-20'));
  expect(dataOf(await certificateOf('overdue')).certificate).toEqual({
    effectiveDate: '2025-06-20',
  });
}, 60_000);
