import { commandHandler } from '../../../src/application';
import {
  certificateDecider,
  certificateStreamName,
  DEFAULT_POLICY,
  type IssueCertificate,
} from '../../../src/domain';
import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, granted20000, STANDARD } from './api-lifecycle';

const PRINTED_NOW = 'CN-20000-00001';
const PRINTED_EARLIER = 'CN20000-00001';

let api: ApiHarness;

/**
 * Given `CN-20000-00001` granted to Now Hosting Co. under the current pattern, and
 * `CN20000-00001` issued to Earlier Hosting Co. under a pattern the CB used before (its own
 * sequence): two numbers that differ only in a hyphen.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2026-06-01T02:00:00Z', clientOrganisationId: 'org-now' });
  await granted20000(
    api,
    { organisationId: 'org-now', auditCycleId: 'cycle-now', certificateId: 'cert-now' },
    'Now Hosting Co.',
    '91110000MA0S000004',
  );
  const issued: IssueCertificate = {
    type: 'IssueCertificate',
    data: {
      certificateId: 'cert-earlier',
      organisationId: 'org-earlier',
      auditCycleId: 'cycle-earlier',
      numbering: { pattern: 'CN{standardNumber}-{sequence:5}', sequence: 1 },
      standard: STANDARD,
      scope: 'IT service management of hosting services',
      sites: [{ siteId: 'site-hq', name: 'Head office', address: '2 Old Road', scope: 'hosting' }],
      organisationName: 'Earlier Hosting Co.',
      organisationLocation: 'Shanghai, CN',
      certificationBodyName: 'Example Certification Co.',
      decisionDate: d('2024-01-10'),
      effectiveDate: d('2024-01-10'),
      policy: DEFAULT_POLICY,
      actor: 'dm-1',
    },
  };
  await commandHandler({ store: api.store, clock: api.clock })(
    certificateDecider,
    certificateStreamName('cert-earlier'),
    issued,
    { actor: 'dm-1' },
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const lookUp = (number: string) =>
  Promise.all([
    api.query(
      'ANONYMOUS',
      'query ($number: String!) { verifyCertificate(number: $number) { number organisationName } }',
      { number },
    ),
    api.query(
      Role.ADMIN,
      'query ($number: String!) { certificateByNumber(number: $number) { id number } }',
      { number },
    ),
  ]);

const found = async (number: string) => {
  const [verified, byNumber] = await lookUp(number);
  return {
    verified: dataOf(verified).verifyCertificate,
    byNumber: dataOf(byNumber).certificateByNumber,
  };
};

it.each([
  ['as printed', PRINTED_NOW, PRINTED_EARLIER],
  ['in lower case', 'cn-20000-00001', 'cn20000-00001'],
  ['with other dashes and a suffix', 'CN\u201320000\u201300001/R1', 'CN20000\u221200001 / r1'],
  [
    'in full-width forms, suffix included',
    'ＣＮ－２００００－００００１／Ｒ１',
    'ＣＮ２００００－００００１／ｒ１',
  ],
])('answers each certificate for its own number typed %s', async (_, typedNow, typedEarlier) => {
  expect(await found(typedNow)).toEqual({
    verified: { number: PRINTED_NOW, organisationName: 'Now Hosting Co.' },
    byNumber: { id: 'cert-now', number: PRINTED_NOW },
  });
  expect(await found(typedEarlier)).toEqual({
    verified: { number: PRINTED_EARLIER, organisationName: 'Earlier Hosting Co.' },
    byNumber: { id: 'cert-earlier', number: PRINTED_EARLIER },
  });
});

it.each([
  ['without separators', 'CN2000000001'],
  ['with spaces for separators', 'CN 20000 00001'],
  ['without separators, with a suffix', 'cn2000000001/r1'],
])(
  'refuses a number typed %s, which matches both equally, as BAD_USER_INPUT naming number',
  async (_, typed) => {
    for (const response of await lookUp(typed)) {
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('type it as printed') as unknown,
        extensions: { code: 'BAD_USER_INPUT', field: 'number' },
      });
      expect(JSON.stringify(response.body.data ?? null)).not.toMatch(/Hosting Co\.|cert-/);
    }
  },
);

const verifiedAsOf = async (number: string, asOf: string) =>
  dataOf(
    await api.query(
      'ANONYMOUS',
      'query ($number: String!, $asOf: CalendarDate) { verifyCertificate(number: $number, asOf: $asOf) { number organisationName } }',
      { number, asOf },
    ),
  ).verifyCertificate;

it('answers, as of a day only one of them was decided, the one the public knew then', async () => {
  // CN20000-00001 was decided on 2024-01-10, CN-20000-00001 on 2024-03-20.
  expect(await verifiedAsOf('CN2000000001', '2024-02-01')).toEqual({
    number: PRINTED_EARLIER,
    organisationName: 'Earlier Hosting Co.',
  });
  // A number typed as the later one prints it names that one, unknown then: never the other.
  expect(await verifiedAsOf(PRINTED_NOW, '2024-02-01')).toBeNull();
});

it("answers a CLIENT key its own certificate for its number typed without separators, and another holder's not at all", async () => {
  const byNumber = (number: string) =>
    api.query(
      Role.CLIENT,
      'query ($number: String!) { certificateByNumber(number: $number) { id number } }',
      { number },
    );
  expect(dataOf(await byNumber('CN2000000001')).certificateByNumber).toEqual({
    id: 'cert-now',
    number: PRINTED_NOW,
  });
  const other = await byNumber(PRINTED_EARLIER);
  expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  expect(JSON.stringify(other.body)).not.toMatch(/Earlier Hosting|cert-earlier/);
});
