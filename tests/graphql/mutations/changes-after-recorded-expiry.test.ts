import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { expiryRecordedOverHttp, grantedOverHttp, mutate } from './lifecycle-over-http';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ now: '2027-09-01T09:00:00Z' });
});
afterAll(() => api.close());

/** Granted 2024-08-20 (expiry 2027-08-19); the scan recorded the expiry on 2027-08-20. */
const expiryRecorded = async (organisationId: string): Promise<string> => {
  const { certificateId } = await grantedOverHttp(api, organisationId);
  await expiryRecordedOverHttp(api, certificateId);
  return certificateId;
};

const certificateOf = async (certificateId: string, asOf = '2027-08-25') => {
  const response = await api.query(
    Role.VIEWER,
    `{ certificate(id: "${certificateId}") {
        recordedStatus status(asOf: "${asOf}")
        statusPeriods { status from to }
        deadlines(asOf: "${asOf}") { key state }
        history { type date summary }
      } }`,
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.certificate as {
    recordedStatus: string;
    status: string;
    statusPeriods: { status: string; from: string; to: string | null }[];
    deadlines: { key: string; state: string }[];
    history: { type: string; date: string; summary: string }[];
  };
};

describe('a change decided before the expiry date, entered over HTTP after the scan recorded the expiry', () => {
  it('withdraws the certificate from its date: withdrawn, not expired, no restoration window', async () => {
    const withdrawal = {
      withdrawnOn: '2027-08-01',
      reason: 'client ceased operations',
      ownFault: false,
    };
    const certificateId = await expiryRecorded('org-late-withdrawal');
    await mutate(api, Role.DECISION_MAKER, 'withdrawCertificate', { certificateId, ...withdrawal });
    const { certificateId: inTime } = await grantedOverHttp(api, 'org-withdrawal-in-time');
    await mutate(api, Role.DECISION_MAKER, 'withdrawCertificate', {
      certificateId: inTime,
      ...withdrawal,
    });
    await api.settle();
    for (const asOf of ['2027-08-25', '2028-03-01']) {
      const [late, expected] = [
        await certificateOf(certificateId, asOf),
        await certificateOf(inTime, asOf),
      ];
      expect(late.status).toBe(expected.status);
      expect(late.statusPeriods).toEqual(expected.statusPeriods);
      expect(
        late.deadlines.map(({ key, state }) => ({ key: key.replace('late-', ''), state })),
      ).toEqual(
        expected.deadlines.map(({ key, state }) => ({ key: key.replace('-in-time', ''), state })),
      );
    }
    const certificate = await certificateOf(certificateId);
    expect(certificate).toMatchObject({
      recordedStatus: 'WITHDRAWN',
      status: 'WITHDRAWN',
      statusPeriods: [
        { status: 'ACTIVE', from: '2024-08-20', to: '2027-07-31' },
        { status: 'WITHDRAWN', from: '2027-08-01', to: null },
      ],
    });
    expect(certificate.deadlines).toContainEqual({
      key: 'CERTIFICATE_EXPIRY:2027-08-19',
      state: 'MET',
    });
    expect(certificate.deadlines.map((deadline) => deadline.key)).not.toContain(
      'RESTORATION_WINDOW_END:2027-08-19',
    );
    expect(certificate.history.slice(-2)).toEqual([
      {
        type: 'CertificateExpired',
        date: '2027-08-20',
        summary:
          'Certificate CN-20000-00001 expired on 2027-08-20 (expiry date 2027-08-19); void: ' +
          'withdrawn on 2027-08-01, entered after this record',
      },
      {
        type: 'CertificateWithdrawn',
        date: '2027-08-01',
        summary: 'Certificate CN-20000-00001 withdrawn: client ceased operations',
      },
    ]);
  });

  it('suspends the certificate until the expiry, as the same suspension entered before the scan', async () => {
    const suspension = {
      suspendedOn: '2027-08-01',
      grounds: 'VOLUNTARY_REQUEST',
      details: 'client asked for a pause',
      ownFault: false,
    };
    const late = await expiryRecorded('org-late-suspension');
    await mutate(api, Role.DECISION_MAKER, 'suspendCertificate', {
      certificateId: late,
      ...suspension,
    });
    const { certificateId: inTime } = await grantedOverHttp(api, 'org-suspension-in-time');
    await mutate(api, Role.DECISION_MAKER, 'suspendCertificate', {
      certificateId: inTime,
      ...suspension,
    });
    await expiryRecordedOverHttp(api, inTime);
    const certificate = await certificateOf(late);
    expect(certificate).toMatchObject({
      recordedStatus: 'EXPIRED',
      status: 'EXPIRED',
      statusPeriods: [
        { status: 'ACTIVE', from: '2024-08-20', to: '2027-07-31' },
        { status: 'SUSPENDED', from: '2027-08-01', to: '2027-08-19' },
        { status: 'EXPIRED', from: '2027-08-20', to: null },
      ],
    });
    const expected = await certificateOf(inTime);
    expect(certificate.statusPeriods).toEqual(expected.statusPeriods);
    expect(
      certificate.deadlines.map(({ key, state }) => ({ key: key.replace('late-', ''), state })),
    ).toEqual(
      expected.deadlines.map(({ key, state }) => ({ key: key.replace('-in-time', ''), state })),
    );
  });
});
