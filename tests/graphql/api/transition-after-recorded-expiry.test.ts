import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { auditDone, d, dataOf, grantedIsms2013 } from './api-lifecycle';

let api: ApiHarness;

/**
 * ISO/IEC 27001:2013, granted 2024-03-20, its expiry 2027-03-19 capped at the transition end,
 * 2025-10-31; its transition audit was completed on 2025-10-02 and the scan recorded the expiry on
 * 2025-11-01. Today is 2025-11-10.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-11-10T02:00:00Z' });
  await grantedIsms2013(api);
  const { service } = api;
  await auditDone(service, 'cycle-isms', 'transition', 'TRANSITION', '2025-10-01', '2025-10-02');
  await service.expireCertificate(
    { certificateId: 'cert-isms', recordedOn: d('2025-11-01') },
    { actor: 'deadline-scanner' },
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const certificate = async () =>
  dataOf(
    await api.query(
      Role.VIEWER,
      `{ certificate(id: "cert-isms") {
          recordedStatus status(asOf: "2025-11-05") expiryDate standard { code }
          statusPeriods { status from to }
          deadlines(asOf: "2025-11-05") { key state }
          history { type date summary } } }`,
    ),
  ).certificate as {
    recordedStatus: string;
    status: string;
    expiryDate: string;
    standard: { code: string };
    statusPeriods: { status: string; from: string; to: string | null }[];
    deadlines: { key: string; state: string }[];
    history: { type: string; date: string; summary: string }[];
  };

it('records a transition decided before the capped expiry and entered after its record: never expired', async () => {
  expect(await certificate()).toMatchObject({ recordedStatus: 'EXPIRED', status: 'EXPIRED' });
  dataOf(
    await api.query(
      Role.DECISION_MAKER,
      `mutation ($input: TransitionStandardVersionInput!) {
        transitionStandardVersion(input: $input) { id } }`,
      {
        input: {
          certificateId: 'cert-isms',
          decisionDate: '2025-10-20',
          standard: { identifier: 'ISO/IEC 27001', version: '2022' },
        },
      },
    ),
  );
  const transitioned = await certificate();
  expect(transitioned).toMatchObject({
    recordedStatus: 'ACTIVE',
    status: 'ACTIVE',
    expiryDate: '2027-03-19',
    standard: { code: 'ISO/IEC 27001:2022' },
  });
  expect(transitioned.statusPeriods).toEqual([
    { status: 'ACTIVE', from: '2024-03-20', to: '2025-10-19' },
    { status: 'ACTIVE', from: '2025-10-20', to: '2027-03-19' },
    { status: 'EXPIRED', from: '2027-03-20', to: null },
  ]);
  expect(transitioned.deadlines).toEqual(
    expect.arrayContaining([
      { key: 'CERTIFICATE_EXPIRY:2025-10-31', state: 'ENDED' },
      { key: 'TRANSITION_DEADLINE:ISO/IEC 27001:2013', state: 'MET' },
      { key: 'CERTIFICATE_EXPIRY:2027-03-19', state: 'UPCOMING' },
    ]),
  );
  expect(transitioned.deadlines.map(({ key }) => key)).not.toContainEqual(
    expect.stringMatching(/^RESTORATION_WINDOW_END/),
  );
  expect(transitioned.history.map(({ type }) => type).slice(-2)).toEqual([
    'CertificateExpired',
    'CertificateTransitioned',
  ]);
  expect(transitioned.history.at(-2)?.summary).toBe(
    'Certificate CN-27001-00001 expired on 2025-11-01 (expiry date 2025-10-31); void: ' +
      'transitioned to ISO/IEC 27001:2022 on 2025-10-20 (new expiry 2027-03-19), entered after ' +
      'this record',
  );
}, 60_000);
