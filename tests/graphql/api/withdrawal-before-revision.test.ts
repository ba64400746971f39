import { Role } from '../../../src/graphql';
import { auditOverHttp, grantedOverHttp, mutate, SCOPE } from '../mutations/lifecycle-over-http';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf } from './api-lifecycle';

const EXTENDED_SCOPE = 'IT service management of hosting and backup services';

let api: ApiHarness;
let certificateId: string;
let number: string;
let extended: Record<string, unknown>;

/**
 * Granted 2024-08-20; a scope extension decided 2025-02-03 to take effect 2025-04-01 (R2); withdrawn
 * 2025-02-24, before R2 took effect. Today is 2025-03-01.
 */
beforeAll(async () => {
  api = await startApiHarness();
  const granted = await grantedOverHttp(api, 'org-pending');
  certificateId = granted.certificateId;
  await auditOverHttp(
    api,
    granted.auditCycleId,
    'special-backup',
    'SPECIAL',
    '2025-01-27',
    '2025-01-28',
  );
  extended = await mutate(api, Role.DECISION_MAKER, 'extendScope', {
    certificateId,
    scope: EXTENDED_SCOPE,
    decisionDate: '2025-02-03',
    effectiveDate: '2025-04-01',
  });
  number = extended.number as string;
  await mutate(api, Role.DECISION_MAKER, 'withdrawCertificate', {
    certificateId,
    reason: 'client ceased operations',
    ownFault: false,
    withdrawnOn: '2025-02-24',
  });
}, 60_000);
afterAll(() => api.close());

const QUERY = `query ($id: ID!, $number: String!, $revised: String!, $asOf: CalendarDate!) {
  certificate(id: $id) {
    status(asOf: $asOf) validOn(date: $asOf) statusPeriods { status from to revision }
  }
  verifyCertificate(number: $number, asOf: $asOf) {
    revision requestedRevision revisionStatus scope status valid statusPeriods { status from to }
  }
  revised: verifyCertificate(number: $revised, asOf: $asOf) {
    revision requestedRevision revisionStatus scope status valid
  }
}`;

interface Answer {
  certificate: {
    status: string;
    validOn: boolean;
    statusPeriods: { status: string; from: string; to: string | null; revision: number }[];
  };
  verifyCertificate: Record<string, unknown> & { statusPeriods: unknown[] };
  revised: Record<string, unknown>;
}

it('verifies the number and reads the certificate alike after the withdrawal: the extension never took effect', async () => {
  const asOf = '2025-05-01';
  const data = dataOf(
    await api.query(Role.VIEWER, QUERY, {
      id: certificateId,
      number,
      revised: `${number}/R2`,
      asOf,
    }),
  ) as unknown as Answer;

  expect(data.certificate).toEqual({
    status: 'WITHDRAWN',
    validOn: false,
    statusPeriods: [
      { status: 'ACTIVE', from: '2024-08-20', to: '2025-02-23', revision: 1 },
      { status: 'WITHDRAWN', from: '2025-02-24', to: null, revision: 1 },
    ],
  });
  const inForce = data.certificate.statusPeriods.find(
    (p) => p.from <= asOf && (p.to === null || asOf <= p.to),
  );
  expect(data.verifyCertificate).toEqual({
    revision: inForce?.revision,
    requestedRevision: inForce?.revision,
    revisionStatus: 'CURRENT',
    scope: SCOPE.text,
    status: data.certificate.status,
    valid: data.certificate.validOn,
    statusPeriods: data.certificate.statusPeriods.map(({ status, from, to }) => ({
      status,
      from,
      to,
    })),
  });
  expect(data.revised).toEqual({
    revision: 1,
    requestedRevision: 2,
    revisionStatus: 'DRAFT',
    scope: EXTENDED_SCOPE,
    status: 'WITHDRAWN',
    valid: false,
  });
});

const PRINTED =
  'revision numberWithRevision standard { code } scope sites { name scope } effectiveDate expiryDate';

const LATEST = `query ($id: ID!, $number: String!, $asOf: CalendarDate!) {
  certificate(id: $id) {
    ${PRINTED} decisionDate revisions { revision scope effectiveDate }
  }
  certificateByNumber(number: $number) { ${PRINTED} }
  certificates(filter: { organisationId: "org-pending", expiringBefore: "2027-08-20" }) {
    edges { node { ${PRINTED} } }
  }
  verifyCertificate(number: $number, asOf: $asOf) { ${PRINTED} }
}`;

it('showed the extension as the latest revision before the withdrawal, due after today', () => {
  expect(extended).toMatchObject({ revision: 2, scope: EXTENDED_SCOPE, expiryDate: '2027-08-19' });
});

it('shows the revision in force before the withdrawal as the latest, as verifyCertificate does; the extension stays in revisions', async () => {
  const data = dataOf(
    await api.query(Role.VIEWER, LATEST, { id: certificateId, number, asOf: '2025-05-01' }),
  ) as unknown as {
    certificate: Record<string, unknown>;
    certificateByNumber: Record<string, unknown>;
    certificates: { edges: { node: Record<string, unknown> }[] };
    verifyCertificate: Record<string, unknown>;
  };
  const printed = {
    revision: 1,
    numberWithRevision: number,
    standard: { code: 'ISO/IEC 20000-1:2018' },
    scope: SCOPE.text,
    sites: [{ name: 'Head office', scope: SCOPE.text }],
    effectiveDate: '2024-08-20',
    expiryDate: '2027-08-19',
  };
  expect(data.certificate).toEqual({
    ...printed,
    decisionDate: '2024-08-20',
    revisions: [
      { revision: 1, scope: SCOPE.text, effectiveDate: '2024-08-20' },
      { revision: 2, scope: EXTENDED_SCOPE, effectiveDate: '2025-04-01' },
    ],
  });
  expect(data.certificateByNumber).toEqual(printed);
  expect(data.certificates.edges.map(({ node }) => node)).toEqual([printed]);
  expect(data.verifyCertificate).toEqual(printed);
});
