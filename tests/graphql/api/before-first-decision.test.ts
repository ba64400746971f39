import { Role } from '../../../src/graphql';
import {
  acceptedOverHttp,
  auditOverHttp,
  cycleReadyForDecision,
  mutate,
  readyOrganisation,
  SCOPE,
  TRANSFER_IN,
  TRANSFER_REVIEW,
} from '../mutations/lifecycle-over-http';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { dataOf, errorOf } from './api-lifecycle';

let api: ApiHarness;
let laterNumber: string;
let transferNumber: string;

/**
 * Over HTTP, mutations only:
 * - org-later: decided 2024-08-20, in force from 2024-09-02 (DRAFT in between); a scope extension
 *   decided 2025-02-03 (R2), in force from 2025-04-01.
 * - org-transfer: transferred in, decided here 2024-06-10 (in force that day); first certified by
 *   the previous CB on 2017-11-20.
 * Today is 2025-03-01.
 */
beforeAll(async () => {
  api = await startApiHarness();
  await cycleReadyForDecision(api, 'org-later', 'cycle-later', 'cert-later');
  await mutate(api, Role.DECISION_MAKER, 'decideCertification', {
    auditCycleId: 'cycle-later',
    decision: 'GRANTED',
    decidedOn: '2024-08-20',
    effectiveOn: '2024-09-02',
    reasons: ['all requirements met'],
  });
  await auditOverHttp(api, 'cycle-later', 'special-1', 'SPECIAL', '2025-01-27', '2025-01-28');
  const extended = await mutate(api, Role.DECISION_MAKER, 'extendScope', {
    certificateId: 'cert-later',
    scope: 'IT service management of hosting and backup services',
    decisionDate: '2025-02-03',
    effectiveDate: '2025-04-01',
  });
  laterNumber = extended.number as string;

  await readyOrganisation(api, 'org-transfer');
  await mutate(api, Role.ADMIN, 'transferCertificateIn', TRANSFER_IN);
  await acceptedOverHttp(api, 'cycle-transfer', '2024-06-05');
  await mutate(api, Role.DECISION_MAKER, 'recordTransferReview', TRANSFER_REVIEW);
  await mutate(api, Role.DECISION_MAKER, 'decideCertification', {
    auditCycleId: 'cycle-transfer',
    decision: 'GRANTED',
    decidedOn: '2024-06-10',
    reasons: ['transfer review satisfactory'],
  });
  await api.settle();
  const numbers = dataOf(
    await api.query(Role.VIEWER, '{ certificate(id: "cert-transfer") { number } }'),
  ) as { certificate: { number: string } };
  transferNumber = numbers.certificate.number;
}, 60_000);
afterAll(() => api.close());

const QUERY = `query ($asOf: CalendarDate!) {
  dashboard(asOf: $asOf) { certificatesByStatus { status count } }
  all: certificates(asOf: $asOf) { edges { node { id status(asOf: $asOf) } } }
  drafts: certificates(filter: { status: DRAFT }, asOf: $asOf) {
    edges { node { id status(asOf: $asOf) } }
  }
}`;

interface Answer {
  dashboard: { certificatesByStatus: { status: string; count: number }[] };
  all: { edges: { node: { id: string; status: string } }[] };
  drafts: { edges: { node: { id: string; status: string } }[] };
}

const asOf = async (date: string) => {
  const data = dataOf(await api.query(Role.VIEWER, QUERY, { asOf: date })) as unknown as Answer;
  return {
    counts: Object.fromEntries(
      data.dashboard.certificatesByStatus
        .filter(({ count }) => count > 0)
        .map(({ status, count }) => [status, count]),
    ),
    all: data.all.edges.map(({ node }) => [node.id, node.status]),
    drafts: data.drafts.edges.map(({ node }) => [node.id, node.status]),
  };
};

const verify = async (number: string, date: string) => {
  const response = await api.query(
    'ANONYMOUS',
    `query ($number: String!, $asOf: CalendarDate!) {
       verifyCertificate(number: $number, asOf: $asOf) {
         numberWithRevision status revisionStatus originalCertificationDate } }`,
    { number, asOf: date },
  );
  return response.body;
};

it('counts and lists no certificate as of a date before any was decided', async () => {
  expect(await asOf('2020-01-01')).toEqual({ counts: {}, all: [], drafts: [] });
});

it('leaves out a transfer-in before its decision here, though first certified in 2017', async () => {
  expect(await asOf('2018-01-01')).toEqual({ counts: {}, all: [], drafts: [] });
  expect(await asOf('2024-06-09')).toEqual({ counts: {}, all: [], drafts: [] });
  expect(await asOf('2024-06-10')).toEqual({
    counts: { ACTIVE: 1 },
    all: [['cert-transfer', 'ACTIVE']],
    drafts: [],
  });
});

it('counts and lists DRAFT a certificate decided by the date and not yet in force', async () => {
  expect(await asOf('2024-08-19')).toMatchObject({ counts: { ACTIVE: 1 }, drafts: [] });
  const decided = await asOf('2024-08-20');
  expect(decided.counts).toEqual({ ACTIVE: 1, DRAFT: 1 });
  expect(decided.all).toContainEqual(['cert-later', 'DRAFT']);
  expect(decided.drafts).toEqual([['cert-later', 'DRAFT']]);
  expect(await asOf('2024-09-02')).toMatchObject({ counts: { ACTIVE: 2 }, drafts: [] });
});

it('verifies a number as unknown before the certificate was decided', async () => {
  const unknown = await verify('CN-20000-99999', '2024-09-02');
  expect(unknown).toEqual({ data: { verifyCertificate: null } });
  expect(await verify(laterNumber, '2020-01-01')).toEqual(unknown);
  expect(await verify(laterNumber, '2024-08-19')).toEqual(unknown);
  expect(await verify(transferNumber, '2018-01-01')).toEqual(unknown);
  expect(await verify(transferNumber, '2024-06-09')).toEqual(unknown);
  expect(await verify(transferNumber, '2024-06-10')).toEqual({
    data: {
      verifyCertificate: expect.objectContaining({
        status: 'ACTIVE',
        originalCertificationDate: '2017-11-20',
      }),
    },
  });
});

it('verifies a certificate decided but not yet in force (DRAFT) as unknown: a register shows no drafts', async () => {
  const unknown = await verify('CN-20000-99999', '2024-08-20');
  for (const date of ['2024-08-20', '2024-09-01']) {
    expect(await verify(laterNumber, date)).toEqual(unknown);
    expect(await verify(`${laterNumber}/R1`, date)).toEqual(unknown);
  }
  expect(await verify(laterNumber, '2024-09-02')).toMatchObject({
    data: { verifyCertificate: { status: 'ACTIVE', revisionStatus: 'CURRENT' } },
  });
  const staff = dataOf(
    await api.query(
      Role.VIEWER,
      '{ certificate(id: "cert-later") { status(asOf: "2024-08-20") } }',
    ),
  );
  expect(staff).toEqual({ certificate: { status: 'DRAFT' } });
});

it('verifies a revision suffix as unknown before that revision was decided', async () => {
  const unknownRevision = await verify(`${laterNumber}/R9`, '2025-02-02');
  expect(unknownRevision).toEqual({ data: { verifyCertificate: null } });
  expect(await verify(`${laterNumber}/R2`, '2025-02-02')).toEqual(unknownRevision);
  expect(await verify(`${laterNumber}/R1`, '2025-02-02')).toMatchObject({
    data: { verifyCertificate: { numberWithRevision: laterNumber, status: 'ACTIVE' } },
  });
  expect(await verify(`${laterNumber}/R2`, '2025-02-03')).toMatchObject({
    data: {
      verifyCertificate: { numberWithRevision: `${laterNumber}/R2`, revisionStatus: 'DRAFT' },
    },
  });
});

it('keeps the status of the certificate itself DRAFT before its decision', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      '{ certificate(id: "cert-later") { before: status(asOf: "2020-01-01") } }',
    ),
  );
  expect(data).toEqual({ certificate: { before: 'DRAFT' } });
});

it('lists as of a date the certificate as certificate(id) answers it, and as revisionOn the revision in force then: the first while DRAFT, and until the extension decided 2025-02-03 takes effect on 2025-04-01', async () => {
  const PRINTED = 'revision numberWithRevision scope decisionDate effectiveDate';
  const shown = async (date: string | null) => {
    const data = dataOf(
      await api.query(
        Role.VIEWER,
        `query ($asOf: CalendarDate, $on: CalendarDate!) {
          certificates(asOf: $asOf, filter: { organisationId: "org-later" }) {
            edges { node { status(asOf: $asOf) ${PRINTED} revisionOn(date: $on) { revision scope decisionDate effectiveDate } } }
          }
          certificate(id: "cert-later") { ${PRINTED} revisionOn(date: $on) { revision } }
        }`,
        { asOf: date, on: date ?? '2025-03-01' },
      ),
    ) as {
      certificates: { edges: { node: Record<string, unknown> }[] };
      certificate: Record<string, unknown> & { revisionOn: { revision: number } | null };
    };
    const { revisionOn: inForce, ...certificate } = data.certificate;
    return data.certificates.edges.map(({ node }) => {
      const { status, revisionOn, ...fields } = node;
      expect(fields).toEqual(certificate);
      expect((revisionOn as { revision: number } | null)?.revision).toBe(inForce?.revision);
      return { status, ...fields, revisionOn };
    });
  };
  const first = {
    revision: 1,
    scope: SCOPE.text,
    decisionDate: '2024-08-20',
    effectiveDate: '2024-09-02',
  };
  const extension = {
    revision: 2,
    scope: 'IT service management of hosting and backup services',
    decisionDate: '2025-02-03',
    effectiveDate: '2025-04-01',
  };
  const latest = { ...extension, numberWithRevision: `${laterNumber}/R2` };
  expect(await shown('2024-08-25')).toEqual([{ status: 'DRAFT', ...latest, revisionOn: first }]);
  expect(await shown('2025-01-31')).toEqual([{ status: 'ACTIVE', ...latest, revisionOn: first }]);
  expect(await shown('2025-03-01')).toEqual([{ status: 'ACTIVE', ...latest, revisionOn: first }]);
  expect(await shown('2025-04-01')).toEqual([
    { status: 'ACTIVE', ...latest, revisionOn: extension },
  ]);
  expect(await shown(null)).toEqual([{ status: 'ACTIVE', ...latest, revisionOn: first }]);
});

it('answers revisionOn null for a date before the first decision, when the certificate did not exist', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      '{ certificate(id: "cert-later") { before: revisionOn(date: "2024-08-19") { revision } on: revisionOn(date: "2024-08-20") { revision } } }',
    ),
  );
  expect(data).toEqual({ certificate: { before: null, on: { revision: 1 } } });
});

it('refuses revisionOn for a date that is not a calendar date as BAD_USER_INPUT', async () => {
  const response = await api.query(
    Role.VIEWER,
    '{ certificate(id: "cert-later") { revisionOn(date: "2025-02-30") { revision } } }',
  );
  expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT' });
});
