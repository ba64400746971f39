import { Role } from '../../../src/graphql';
import { MUTATIONS } from '../mutations/mutation-documents';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, errorOf, seedLifecycle } from './api-lifecycle';

let api: ApiHarness;

/** Acme (see seedLifecycle): surveillance 1 on 2025-02-10/11 at site-bj and site-sh only. */
beforeAll(async () => {
  api = await startApiHarness({ now: '2025-03-20T02:00:00Z' });
  await seedLifecycle(api);
  await api.service.addSite(
    {
      organisationId: 'org-acme',
      siteId: 'site-gz',
      name: 'Guangzhou operations centre',
      address: '8 Harbour Road, Guangzhou',
      country: 'CN',
      addedOn: d('2025-02-20'),
    },
    { actor: 'admin-1' },
  );
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const EXTENSION = {
  certificateId: 'cert-acme',
  scope: 'IT service management of hosting and network operations services',
  sites: [{ siteId: 'site-bj' }, { siteId: 'site-sh' }, { siteId: 'site-gz' }],
  decisionDate: '2025-03-18',
};

const specialAudit = async (
  auditId: string,
  firstDay: string,
  lastDay: string,
  sites: string[],
) => {
  const context = { actor: 'aud-1' };
  await api.service.planAudit(
    {
      auditCycleId: 'cycle-acme',
      auditId,
      kind: 'SPECIAL',
      plannedStart: d(firstDay),
      plannedEnd: d(lastDay),
      mode: 'ON_SITE',
      leadAuditorId: 'aud-1',
      team: ['aud-1'],
      sites,
    },
    context,
  );
  await api.service.completeAudit(
    { auditCycleId: 'cycle-acme', auditId, firstDay: d(firstDay), lastDay: d(lastDay) },
    context,
  );
};

const certificate = async () =>
  dataOf(
    await api.query(
      Role.VIEWER,
      '{ certificate(id: "cert-acme") { version revision sites { siteId } history { type } } }',
    ),
  ).certificate as { version: number; revision: number; sites: { siteId: string }[] };

it('refuses an extension to a site no audit of the cycle covered, naming it, and records nothing', async () => {
  const before = await certificate();
  const response = await api.query(Role.DECISION_MAKER, MUTATIONS.extendScope, {
    input: EXTENSION,
  });
  expect(errorOf(response)).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'SCOPE_EXTENSION_AUDIT_REQUIRED',
    message: expect.stringMatching(
      /audit surveillance-1 did not cover site site-gz, which the extension adds/,
    ) as unknown,
  });
  expect(await certificate()).toEqual(before);
});

it('extends the scope to the site once a special audit covered it, even before a later audit that did not', async () => {
  await specialAudit('special-gz', '2025-03-03', '2025-03-04', ['site-gz']);
  await specialAudit('special-bj', '2025-03-10', '2025-03-11', ['site-bj']);
  const extended = dataOf(
    await api.query(Role.DECISION_MAKER, MUTATIONS.extendScope, { input: EXTENSION }),
  ).extendScope as { revision: number };
  expect(extended.revision).toBe(2);
  expect((await certificate()).sites.map(({ siteId }) => siteId)).toEqual([
    'site-bj',
    'site-sh',
    'site-gz',
  ]);
});

it('follows each audit with one extension only, and refuses one when every audit was followed', async () => {
  const extend = (scope: string, decisionDate: string) =>
    api.query(Role.DECISION_MAKER, MUTATIONS.extendScope, {
      input: { ...EXTENSION, scope, decisionDate },
    });
  const services = 'IT service management of hosting, network operations and backup services';
  expect(dataOf(await extend(services, '2025-03-19')).extendScope).toMatchObject({ revision: 3 });
  const desk = `${services}, and of the service desk`;
  expect(dataOf(await extend(desk, '2025-03-19')).extendScope).toMatchObject({ revision: 4 });
  const before = await certificate();
  expect(errorOf(await extend(`${desk} and monitoring`, '2025-03-20'))).toMatchObject({
    code: 'DOMAIN_RULE_VIOLATION',
    rule: 'SCOPE_EXTENSION_AUDIT_REQUIRED',
    message: expect.stringMatching(
      /audit special-bj was already followed by the extension of revision 3, and an audit justifies one extension only/,
    ) as unknown,
  });
  expect(await certificate()).toEqual(before);
});
