import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import {
  auditOverHttp,
  expiryRecordedOverHttp,
  grantedOverHttp,
  mutate,
  SCOPE,
} from './lifecycle-over-http';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ now: '2027-09-01T09:00:00Z' });
});
afterAll(() => api.close());

/** Around the change of 2027-08-01 (effective up to 2027-08-10) and the expiry of 2027-08-19. */
const AS_OF = ['2027-07-31', '2027-08-01', '2027-08-10', '2027-08-19', '2027-08-20', '2028-03-01'];

const CERTIFICATE = `query ($id: ID!) { certificate(id: $id) {
  number numberWithRevision revision scope sites { id name address scope }
  effectiveDate expiryDate recordedStatus
  revisions { revision cause decisionDate effectiveDate expiryDate scope sites { id scope } }
  statusPeriods { status from to revision restorationGap }
  suspensions { suspendedOn endedOn endedBy limitDate }
  history { type date summary actor auditCycleId }
} }`;

const AS_OF_VIEW = `query ($id: ID!, $asOf: CalendarDate!, $number: String!, $revised: String!) {
  certificate(id: $id) {
    status(asOf: $asOf) validOn(date: $asOf)
    deadlines(asOf: $asOf) {
      key type subject state dueDate openedOn metOn closesOn daysRemaining
    }
  }
  bare: verifyCertificate(number: $number, asOf: $asOf) { ...publicView }
  revised: verifyCertificate(number: $revised, asOf: $asOf) { ...publicView }
}
fragment publicView on PublicCertificate {
  numberWithRevision numberWithRevisionInForce requestedRevision revision revisionStatus
  status certSearchStatus valid scope effectiveDate expiryDate
  sites { name scope } statusPeriods { status from to }
}`;

const dataOf = (response: Awaited<ReturnType<ApiHarness['query']>>) => {
  expect(response.body.errors).toBeUndefined();
  return response.body.data as Record<string, unknown>;
};

/**
 * Everything the API answers about the certificate of `organisationId`, as of each of AS_OF,
 * with the organisation's id and the certificate's number spelt ORG and NUMBER; the history's
 * entries in the order recorded under `history`, sorted under `historyEntries`.
 */
const everythingAbout = async (organisationId: string) => {
  const id = `${organisationId}-cert`;
  const { certificate } = dataOf(await api.query(Role.VIEWER, CERTIFICATE, { id })) as {
    certificate: { number: string; history: unknown[] };
  };
  const asOf = [];
  for (const date of AS_OF) {
    asOf.push(
      dataOf(
        await api.query(Role.VIEWER, AS_OF_VIEW, {
          id,
          asOf: date,
          number: certificate.number,
          revised: `${certificate.number}/R2`,
        }),
      ),
    );
  }
  const historyEntries = certificate.history.map((entry) => JSON.stringify(entry)).sort();
  const spelt = JSON.stringify({ certificate, asOf, historyEntries })
    .replaceAll(organisationId, 'ORG')
    .replaceAll(certificate.number, 'NUMBER');
  return JSON.parse(spelt) as {
    certificate: { history: { type: string; date: string; summary: string }[] };
    asOf: unknown[];
    historyEntries: string[];
  };
};

/**
 * The same change entered before and after the scan recorded the expiry on 2027-08-20, to the
 * certificates (granted 2024-08-20, expiry 2027-08-19) of `org-<name>-in-time` and
 * `org-<name>-late`, each after `before`: what the API answers about each.
 */
const enteredBothWays = async (
  name: string,
  change: (organisationId: string) => Promise<unknown>,
  before: (organisationId: string) => Promise<unknown> = () => Promise.resolve(),
) => {
  const [inTime, late] = [`org-${name}-in-time`, `org-${name}-late`];
  for (const organisationId of [inTime, late]) {
    const { certificateId } = await grantedOverHttp(api, organisationId);
    await before(organisationId);
    if (organisationId === inTime) await change(organisationId);
    await expiryRecordedOverHttp(api, certificateId);
  }
  await change(late);
  await api.settle();
  return { inTime: await everythingAbout(inTime), late: await everythingAbout(late) };
};

const changeScope =
  (mutation: 'extendScope' | 'reduceScope', scope: string, effectiveDate = '2027-08-01') =>
  (organisationId: string) =>
    mutate(api, Role.DECISION_MAKER, mutation, {
      certificateId: `${organisationId}-cert`,
      decisionDate: '2027-08-01',
      effectiveDate,
      scope,
    });

const expectSameAnswers = (
  both: Awaited<ReturnType<typeof enteredBothWays>>,
  lastRecorded: [string, string],
) => {
  expect(both.late.certificate).toEqual({ ...both.inTime.certificate, history: expect.anything() });
  expect(both.late.historyEntries).toEqual(both.inTime.historyEntries);
  expect(both.late.asOf).toEqual(both.inTime.asOf);
  expect(both.late.certificate.history.slice(-2).map(({ type }) => type)).toEqual(lastRecorded);
};

describe('a scope change or reinstatement decided before the expiry date, entered over HTTP after the scan recorded the expiry', () => {
  it('reduces the scope from its effective date, as the same reduction entered before the scan', async () => {
    const both = await enteredBothWays(
      'reduction',
      changeScope('reduceScope', 'IT service management of hosting services', '2027-08-10'),
    );
    expectSameAnswers(both, ['CertificateExpired', 'CertificateScopeReduced']);
    expect(both.late.certificate).toMatchObject({
      revision: 2,
      numberWithRevision: 'NUMBER/R2',
      scope: 'IT service management of hosting services',
      recordedStatus: 'EXPIRED',
      statusPeriods: [
        { status: 'ACTIVE', from: '2024-08-20', to: '2027-08-09', revision: 1 },
        { status: 'ACTIVE', from: '2027-08-10', to: '2027-08-19', revision: 2 },
        { status: 'EXPIRED', from: '2027-08-20', to: null, revision: 2 },
      ],
    });
    expect(both.late.asOf[2]).toMatchObject({
      certificate: { status: 'ACTIVE', validOn: true },
      bare: { revisionStatus: 'SUPERSEDED', valid: false, numberWithRevisionInForce: 'NUMBER/R2' },
      revised: {
        status: 'ACTIVE',
        valid: true,
        scope: 'IT service management of hosting services',
      },
    });
  });

  it('extends the scope after the special audit before it, as the same extension entered before the scan', async () => {
    const specialAudit = (organisationId: string) =>
      auditOverHttp(
        api,
        `${organisationId}-cycle`,
        `${organisationId}-special`,
        'SPECIAL',
        '2027-07-20',
        '2027-07-21',
      );
    const extended = `${SCOPE.text} and network operations`;
    const both = await enteredBothWays(
      'extension',
      changeScope('extendScope', extended),
      specialAudit,
    );
    expectSameAnswers(both, ['CertificateExpired', 'CertificateScopeExtended']);
    expect(both.late.certificate).toMatchObject({
      revision: 2,
      scope: extended,
      statusPeriods: [
        { status: 'ACTIVE', from: '2024-08-20', to: '2027-07-31', revision: 1 },
        { status: 'ACTIVE', from: '2027-08-01', to: '2027-08-19', revision: 2 },
        { status: 'EXPIRED', from: '2027-08-20', to: null, revision: 2 },
      ],
    });
  });

  it('reinstates the certificate until the expiry, as the same reinstatement entered before the scan', async () => {
    const suspension = (organisationId: string) =>
      mutate(api, Role.DECISION_MAKER, 'suspendCertificate', {
        certificateId: `${organisationId}-cert`,
        suspendedOn: '2027-06-01',
        grounds: 'VOLUNTARY_REQUEST',
        details: 'client asked for a pause',
        ownFault: false,
      });
    const reinstatement = (organisationId: string) =>
      mutate(api, Role.DECISION_MAKER, 'reinstateCertificate', {
        certificateId: `${organisationId}-cert`,
        reinstatedOn: '2027-08-01',
        reason: 'client resumed operations',
      });
    const both = await enteredBothWays('reinstatement', reinstatement, suspension);
    expectSameAnswers(both, ['CertificateExpired', 'CertificateReinstated']);
    expect(both.late.certificate).toMatchObject({
      recordedStatus: 'EXPIRED',
      statusPeriods: [
        { status: 'ACTIVE', from: '2024-08-20', to: '2027-05-31' },
        { status: 'SUSPENDED', from: '2027-06-01', to: '2027-07-31' },
        { status: 'ACTIVE', from: '2027-08-01', to: '2027-08-19' },
        { status: 'EXPIRED', from: '2027-08-20', to: null },
      ],
      suspensions: [{ suspendedOn: '2027-06-01', endedOn: '2027-08-01', endedBy: 'REINSTATED' }],
    });
  });
});
