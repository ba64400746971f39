import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, grantedIsms2013, recertified } from './api-lifecycle';

let api: ApiHarness;

const ISMS_2022 = { identifier: 'ISO/IEC 27001', version: '2022' };
const TRANSITION = 'TRANSITION_DEADLINE:ISO/IEC 27001:2013';

/**
 * ISO/IEC 27001:2013, granted 2024-03-20: its expiry 2027-03-19 is capped at the transition end,
 * 2025-10-31. It is not transitioned, so it expires from 2025-11-01 (recorded that day), and a
 * recertification to 2022 restores it on 2025-11-10.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-11-20T02:00:00Z' });
  await grantedIsms2013(api);
  const { service } = api;
  await service.expireCertificate(
    { certificateId: 'cert-isms', recordedOn: d('2025-11-01') },
    { actor: 'deadline-scanner' },
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const transitionDeadlineOn = async (asOf: string) => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `query ($asOf: CalendarDate!) {
        certificate(id: "cert-isms") { deadlines(asOf: $asOf) { key state metOn } }
        dashboard(asOf: $asOf) { deadlinesByType { type overdue } } }`,
      { asOf },
    ),
  );
  const { deadlines } = data.certificate as {
    deadlines: { key: string; state: string; metOn: string | null }[];
  };
  const deadline = deadlines.find(({ key }) => key === TRANSITION);
  const overdue = (
    data.dashboard as { deadlinesByType: { type: string; overdue: number }[] }
  ).deadlinesByType.find(({ type }) => type === 'TRANSITION_DEADLINE')?.overdue;
  return { state: deadline?.state, metOn: deadline?.metOn, overdue };
};

it('keeps the transition deadline ended, unmet, by the expiry at the transition end once the certificate is restored to the new version', async () => {
  const expired = { state: 'ENDED', metOn: null, overdue: 0 };
  expect(await transitionDeadlineOn('2025-11-05')).toEqual(expired);

  await recertified(
    api,
    { certificateId: 'cert-isms', auditCycleId: 'cycle-isms-2' },
    {
      submittedOn: '2025-11-03',
      reviewedOn: '2025-11-04',
      audited: ['2025-11-05', '2025-11-06'],
      decidedOn: '2025-11-10',
    },
    ISMS_2022,
  );

  const restored = dataOf(
    await api.query(
      Role.VIEWER,
      '{ certificate(id: "cert-isms") { revisions { cause standard { code } } } }',
    ),
  );
  expect(restored.certificate).toEqual({
    revisions: [
      { cause: 'ISSUED', standard: { code: 'ISO/IEC 27001:2013' } },
      { cause: 'RESTORED', standard: { code: 'ISO/IEC 27001:2022' } },
    ],
  });
  expect(await transitionDeadlineOn('2025-11-05')).toEqual(expired);
  expect(await transitionDeadlineOn('2025-11-20')).toEqual(expired);
}, 60_000);
