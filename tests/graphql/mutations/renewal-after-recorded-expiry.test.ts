import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import {
  expiryRecordedOverHttp,
  grantedOverHttp,
  mutate,
  recertificationAuditedOverHttp,
} from './lifecycle-over-http';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ now: '2027-09-01T09:00:00Z' });
});
afterAll(() => api.close());

const RENEWAL = 'org-late-entry-recert';

/** Granted 2024-08-20 (expiry 2027-08-19), recertification audit 2027-05-10/11, expiry recorded. */
const expiryRecordedBeforeTheDecisionIsEntered = async () => {
  const { certificateId } = await grantedOverHttp(api, 'org-late-entry');
  await recertificationAuditedOverHttp(api, certificateId, RENEWAL);
  await expiryRecordedOverHttp(api, certificateId);
  return certificateId;
};

describe('a recertification decided on the expiry date, entered after the scan recorded the expiry', () => {
  it('renews the certificate, which reads as never expired, right after the decision', async () => {
    const certificateId = await expiryRecordedBeforeTheDecisionIsEntered();
    await mutate(api, Role.DECISION_MAKER, 'decideCertification', {
      auditCycleId: RENEWAL,
      decision: 'GRANTED',
      decidedOn: '2027-08-19',
      effectiveOn: '2027-08-20',
      reasons: ['recertification audit satisfactory'],
    });
    const response = await api.query(
      Role.VIEWER,
      `{ certificate(id: "${certificateId}") {
          recordedStatus expiryDate status(asOf: "2027-08-20")
          statusPeriods { status from to }
          deadlines(asOf: "2027-08-20") { key state }
        } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const certificate = response.body.data?.certificate as Record<string, unknown>;
    expect(certificate).toMatchObject({
      recordedStatus: 'ACTIVE',
      expiryDate: '2030-08-19',
      status: 'ACTIVE',
      statusPeriods: [
        { status: 'ACTIVE', from: '2024-08-20', to: '2027-08-19' },
        { status: 'ACTIVE', from: '2027-08-20', to: '2030-08-19' },
        { status: 'EXPIRED', from: '2030-08-20', to: null },
      ],
    });
    const deadlines = certificate.deadlines as { key: string; state: string }[];
    expect(deadlines).toContainEqual({ key: 'CERTIFICATE_EXPIRY:2027-08-19', state: 'MET' });
    expect(deadlines.map((deadline) => deadline.key)).not.toContain(
      'RESTORATION_WINDOW_END:2027-08-19',
    );
  });
});
