import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { applicationAccepted, auditDone, d, dataOf, granted20000, ISMS } from './api-lifecycle';
import { cacheConflicts, objectsReached } from './normalised-objects';

const ADMIN = { actor: 'admin-1' };
const HOSTING_IN_BEIJING = 'IT service management of hosting services in Beijing';

let api: ApiHarness;

/**
 * Given one organisation holding two certificates at its Beijing and Shanghai sites:
 * `cert-itsm` (ISO/IEC 20000-1), granted 2024-03-20 and reduced on 2025-11-10 to Beijing with a
 * scope of its own (revision 2), and `cert-isms` (ISO/IEC 27001), granted 2024-06-10.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2026-06-01T02:00:00Z' });
  const { service } = api;
  const ids = { organisationId: 'org-two', auditCycleId: 'cycle-itsm', certificateId: 'cert-itsm' };
  await granted20000(api, ids, 'Two Certificates Co.', '91110000MA0T000001');
  await service.reduceScope(
    {
      certificateId: 'cert-itsm',
      decisionDate: d('2025-11-10'),
      scope: HOSTING_IN_BEIJING,
      sites: [{ siteId: 'site-bj', scope: HOSTING_IN_BEIJING }],
    },
    ADMIN,
  );
  const isms = {
    organisationId: 'org-two',
    auditCycleId: 'cycle-isms',
    certificateId: 'cert-isms',
  };
  await applicationAccepted(service, { ...isms, standard: ISMS }, '2024-04-01', '2024-04-03');
  await auditDone(service, 'cycle-isms', 'stage1', 'STAGE1', '2024-04-15', '2024-04-16');
  await auditDone(service, 'cycle-isms', 'stage2', 'STAGE2', '2024-05-20', '2024-05-22');
  await service.decideCertification(
    { auditCycleId: 'cycle-isms', decision: 'GRANTED', decidedOn: d('2024-06-10'), reasons: [] },
    { actor: 'dm-1' },
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const SITE = '__typename id siteId name address scope';
const CERTIFICATE = `__typename id sites { ${SITE} } revisions { sites { ${SITE} } }
  before: revisionOn(date: "2025-01-01") { sites { ${SITE} } }`;

const PATHS = [
  `{ itsm: certificate(id: "cert-itsm") { ${CERTIFICATE} } isms: certificate(id: "cert-isms") { ${CERTIFICATE} } }`,
  `{ certificates(filter: { organisationId: "org-two" }, first: 5) { edges { node { ${CERTIFICATE} } } } }`,
  `{ organisation(id: "org-two") { __typename id sites { __typename id siteId name address } } }`,
];

it('answers every field of a certificate site with one value wherever it is reached', async () => {
  const answers = [];
  for (const query of PATHS) answers.push(dataOf(await api.query(Role.VIEWER, query)));
  expect(objectsReached(...answers).get('Certificate:cert-itsm')).toBeGreaterThan(1);
  expect(cacheConflicts(...answers)).toEqual([]);
});

it('names a certificate site by its certificate, revision and site, and links it to the organisation’s site', async () => {
  const data = dataOf(
    await api.query(
      Role.VIEWER,
      `{ itsm: certificate(id: "cert-itsm") { sites { id siteId scope }
           revisions { revision sites { id siteId scope } } }
         isms: certificate(id: "cert-isms") { sites { id siteId scope } }
         organisation(id: "org-two") { sites { siteId } } }`,
    ),
  ) as {
    itsm: { sites: unknown[]; revisions: { revision: number; sites: unknown[] }[] };
    isms: { sites: { id: string; siteId: string }[] };
    organisation: { sites: { siteId: string }[] };
  };
  const both = 'IT service management of data-centre hosting services';
  expect(data.itsm.sites).toEqual([
    { id: 'cert-itsm:R2:site-bj', siteId: 'site-bj', scope: HOSTING_IN_BEIJING },
  ]);
  expect(data.itsm.revisions).toEqual([
    {
      revision: 1,
      sites: [
        { id: 'cert-itsm:R1:site-bj', siteId: 'site-bj', scope: both },
        { id: 'cert-itsm:R1:site-sh', siteId: 'site-sh', scope: both },
      ],
    },
    { revision: 2, sites: data.itsm.sites },
  ]);
  expect(data.isms.sites.map(({ id }) => id)).toEqual([
    'cert-isms:R1:site-bj',
    'cert-isms:R1:site-sh',
  ]);
  expect(data.isms.sites.map(({ siteId }) => siteId)).toEqual(
    data.organisation.sites.map(({ siteId }) => siteId),
  );
});
