import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, granted20000 } from './api-lifecycle';

let api: ApiHarness;

const ADMIN = { actor: 'admin-1' };
const NUMBER = 'CN-20000-00001';
const BOTH_SITES = 'IT service management of data-centre hosting services';
const HOSTING = 'IT service management of hosting services';
const BEIJING = 'IT service management of hosting services in Beijing';

/**
 * Given a certificate granted 2024-03-20 (revision 1, both sites), its scope reduced on 2025-11-10
 * (revision 2, effective that day), and reduced again on 2026-05-01 to take effect on 2026-07-01
 * (revision 3, Beijing only).
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2026-06-01T02:00:00Z' });
  const { service } = api;
  await granted20000(
    api,
    { organisationId: 'org-sv', auditCycleId: 'cycle-sv', certificateId: 'cert-sv' },
    'Superseded Hosting Co.',
    '91110000MA0S000001',
  );
  await service.reduceScope(
    { certificateId: 'cert-sv', decisionDate: d('2025-11-10'), scope: HOSTING },
    ADMIN,
  );
  await service.reduceScope(
    {
      certificateId: 'cert-sv',
      decisionDate: d('2026-05-01'),
      effectiveDate: d('2026-07-01'),
      scope: BEIJING,
      sites: [{ siteId: 'site-bj', scope: BEIJING }],
    },
    ADMIN,
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const check = async (number: string, asOf: string) => {
  const data = dataOf(
    await api.query(
      'ANONYMOUS',
      `query ($number: String!, $asOf: CalendarDate!) {
        verifyCertificate(number: $number, asOf: $asOf) {
          numberWithRevision requestedRevision revisionStatus revision numberWithRevisionInForce
          scope status certSearchStatus valid } }`,
      { number, asOf },
    ),
  );
  return data.verifyCertificate;
};

/** The first revision's document once R2 took effect, however its number is typed. */
const FIRST_REVISION_SUPERSEDED = {
  numberWithRevision: NUMBER,
  requestedRevision: 1,
  revisionStatus: 'SUPERSEDED',
  revision: 2,
  numberWithRevisionInForce: `${NUMBER}/R2`,
  scope: BOTH_SITES,
  status: 'ACTIVE',
  certSearchStatus: 'Active',
  valid: false,
};

it('tells a verifier holding a superseded revision that it is not valid, and which one replaced it', async () => {
  expect(await check(`${NUMBER}/R1`, '2026-06-01')).toEqual(FIRST_REVISION_SUPERSEDED);
});

it('answers the same revision valid while it was the one in force', async () => {
  expect(await check(`${NUMBER}/R1`, '2025-11-09')).toMatchObject({
    revisionStatus: 'CURRENT',
    revision: 1,
    numberWithRevisionInForce: NUMBER,
    valid: true,
  });
});

it('answers the revision in force valid', async () => {
  expect(await check(`${NUMBER}/R2`, '2026-06-01')).toMatchObject({
    numberWithRevision: `${NUMBER}/R2`,
    revisionStatus: 'CURRENT',
    numberWithRevisionInForce: `${NUMBER}/R2`,
    scope: HOSTING,
    valid: true,
  });
});

it('reads a number without a suffix as printed on the first revision: not valid once a later one took effect, naming it', async () => {
  expect(await check(NUMBER, '2026-06-01')).toEqual(FIRST_REVISION_SUPERSEDED);
});

it('answers a number without a suffix as before as of a date before the second revision took effect', async () => {
  expect(await check(NUMBER, '2025-11-09')).toEqual({
    numberWithRevision: NUMBER,
    requestedRevision: 1,
    revisionStatus: 'CURRENT',
    revision: 1,
    numberWithRevisionInForce: NUMBER,
    scope: BOTH_SITES,
    status: 'ACTIVE',
    certSearchStatus: 'Active',
    valid: true,
  });
});

it('answers a revision decided but not yet in force not valid, naming the one in force', async () => {
  expect(await check(`${NUMBER}/R3`, '2026-06-01')).toMatchObject({
    requestedRevision: 3,
    revisionStatus: 'DRAFT',
    numberWithRevisionInForce: `${NUMBER}/R2`,
    status: 'ACTIVE',
    valid: false,
  });
  expect(await check(`${NUMBER}/R2`, '2026-07-01')).toMatchObject({
    revisionStatus: 'SUPERSEDED',
    numberWithRevisionInForce: `${NUMBER}/R3`,
    valid: false,
  });
});
