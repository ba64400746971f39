import { Role } from '../../../src/graphql';
import { MUTATIONS } from '../mutations/mutation-documents';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, granted20000 } from './api-lifecycle';

let api: ApiHarness;

/** Given a certificate granted 2024-03-20 and suspended on 2025-05-01 over HTTP. */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-06-01T02:00:00Z' });
  await granted20000(
    api,
    { organisationId: 'org-sd', auditCycleId: 'cycle-sd', certificateId: 'cert-sd' },
    'Same Day Hosting Co.',
    '91110000MA0D000001',
  );
  dataOf(
    await api.query(Role.DECISION_MAKER, MUTATIONS.suspendCertificate, {
      input: {
        certificateId: 'cert-sd',
        grounds: 'VOLUNTARY_REQUEST',
        details: 'entered for the wrong client',
        ownFault: false,
        suspendedOn: '2025-05-01',
      },
    }),
  );
}, 60_000);
afterAll(() => api.close());

it('takes a reinstatement on the suspension day as a correction: no day suspended, both facts kept', async () => {
  dataOf(
    await api.query(Role.DECISION_MAKER, MUTATIONS.reinstateCertificate, {
      input: { certificateId: 'cert-sd', reason: 'suspended in error', reinstatedOn: '2025-05-01' },
    }),
  );
  const data = dataOf(
    await api.query(
      Role.ADMIN,
      `{ certificate(id: "cert-sd") {
           status(asOf: "2025-05-01") statusPeriods { status from to }
           suspensions { suspendedOn endedOn endedBy } history { type } }
         verifyCertificate(number: "CN-20000-00001") { statusPeriods { status from to } } }`,
    ),
  ) as {
    certificate: {
      status: string;
      statusPeriods: unknown[];
      suspensions: unknown[];
      history: { type: string }[];
    };
    verifyCertificate: { statusPeriods: unknown[] };
  };

  expect(data.certificate.status).toBe('ACTIVE');
  expect(data.certificate.statusPeriods).toEqual([
    { status: 'ACTIVE', from: '2024-03-20', to: '2027-03-19' },
    { status: 'EXPIRED', from: '2027-03-20', to: null },
  ]);
  expect(data.verifyCertificate.statusPeriods).toEqual([
    { status: 'ACTIVE', from: '2024-03-20', to: null },
  ]);
  expect(data.certificate.suspensions).toEqual([
    { suspendedOn: '2025-05-01', endedOn: '2025-05-01', endedBy: 'REINSTATED' },
  ]);
  expect(data.certificate.history.map((entry) => entry.type)).toEqual(
    expect.arrayContaining(['CertificateSuspended', 'CertificateReinstated']),
  );
});
