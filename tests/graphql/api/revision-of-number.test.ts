import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, granted20000 } from './api-lifecycle';
import { cacheConflicts, objectsReached } from './normalised-objects';

const NUMBER = 'CN-20000-00001';
const OTHER_NUMBER = 'CN-20000-00002';

let api: ApiHarness;

/**
 * Given `cert-rn`, granted 2024-03-20 as CN-20000-00001 and revised on 2025-11-10 (revision 2),
 * and another organisation's certificate, CN-20000-00002.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2026-06-01T02:00:00Z' });
  const ids = { organisationId: 'org-rn', auditCycleId: 'cycle-rn', certificateId: 'cert-rn' };
  await granted20000(api, ids, 'Revision Number Co.', '91110000MA0R000001');
  await api.service.reduceScope(
    {
      certificateId: 'cert-rn',
      decisionDate: d('2025-11-10'),
      scope: 'IT service management of hosting services',
    },
    { actor: 'admin-1' },
  );
  const other = {
    organisationId: 'org-other',
    auditCycleId: 'cycle-other',
    certificateId: 'cert-other',
  };
  await granted20000(api, other, 'Other Number Co.', '91110000MA0R000002');
}, 60_000);
afterAll(() => api.close());

const CERTIFICATE = `__typename id revision numberWithRevision requestedRevision
  revisionOfNumberR2: revisionOfNumber(number: "${NUMBER}/R2")
  revisionOfNumber: revisionOfNumber(number: "${NUMBER}")`;

const PATHS = [
  [
    `query ($number: String!) { certificateByNumber(number: $number) { ${CERTIFICATE} } }`,
    `${NUMBER}/R2`,
  ],
  [`query ($number: String!) { certificateByNumber(number: $number) { ${CERTIFICATE} } }`, NUMBER],
  [
    `query ($number: String!) { certificateByNumber(number: $number) { ${CERTIFICATE} } }`,
    'cn2000000001 / r1',
  ],
  [`{ certificate(id: "cert-rn") { ${CERTIFICATE} } }`],
  [
    `{ certificates(filter: { organisationId: "org-rn" }, first: 5) { edges { node { ${CERTIFICATE} } } } }`,
  ],
] as const;

it('answers every field of a certificate reached by number as the certificate reached otherwise', async () => {
  const answers = [];
  for (const [query, number] of PATHS) {
    answers.push(dataOf(await api.query(Role.ADMIN, query, number ? { number } : {})));
  }
  expect(objectsReached(...answers).get('Certificate:cert-rn')).toBe(PATHS.length);
  expect(cacheConflicts(...answers)).toEqual([]);
});

it('says which revision a number names, given the number, wherever the certificate is reached', async () => {
  const data = dataOf(
    await api.query(
      Role.ADMIN,
      `query ($number: String!) {
         byNumber: certificateByNumber(number: $number) { revision
           asked: revisionOfNumber(number: $number)
           bare: revisionOfNumber(number: "${NUMBER}")
           typed: revisionOfNumber(number: " cn.20000.00001/r1. ")
           unknownRevision: revisionOfNumber(number: "${NUMBER}/R3")
           other: revisionOfNumber(number: "${OTHER_NUMBER}") }
         byId: certificate(id: "cert-rn") { asked: revisionOfNumber(number: $number) } }`,
      { number: `${NUMBER}/R2` },
    ),
  );
  expect(data).toEqual({
    byNumber: { revision: 2, asked: 2, bare: 1, typed: 1, unknownRevision: null, other: null },
    byId: { asked: 2 },
  });
});

it('refuses a blank number to revisionOfNumber with BAD_USER_INPUT', async () => {
  const response = await api.query(
    Role.ADMIN,
    '{ certificate(id: "cert-rn") { revisionOfNumber(number: "  ") } }',
  );
  expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
