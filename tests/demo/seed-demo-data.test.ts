import { type Certcycle, demoBanner } from '../../src/composition';
import { addDays, calendarDate, type CalendarDate } from '../../src/domain';
import {
  certificateDeadlines,
  certificateStatusOn,
  auditsOfCycle,
  findAuditCycle,
  nonconformitiesOfCycle,
  findCertificate,
  listCertificates,
  searchOrganisations,
  statusOnFromPeriods,
} from '../../src/projections';
import { graphql, startQuietly, testConfig } from '../composition/composed-service';
import { temporaryDirectory } from '../eventstore/temp-store';

const TODAY = calendarDate('2026-03-02');
const DEMO_ENV = { CERTCYCLE_DEMO: '1', CERTCYCLE_NOW: '2026-03-02T09:00:00Z' };

const eventCount = (app: Certcycle) => app.storage.countEvents();

describe('demo data (CERTCYCLE_DEMO=1)', () => {
  const dir = temporaryDirectory('demo');
  let app: Certcycle | undefined;
  let lines: string[];

  beforeAll(async () => {
    lines = [];
    app = await startQuietly(testConfig(dir.path, DEMO_ENV), lines);
    await app.ready;
  });
  afterAll(async () => {
    await app?.close();
    dir.remove();
  });

  const db = () => app!.storage.readModels;
  const statusOf = (certificateId: string, on: CalendarDate = TODAY) =>
    certificateStatusOn(db(), certificateId, on);
  const deadline = (certificateId: string, type: string) =>
    certificateDeadlines(db(), certificateId, TODAY).find((d) => d.type === type && !d.metOn);

  it('seeds a dozen organisations and reports it', async () => {
    const report = (await app!.ready).demo;
    expect(report).toMatchObject({ organisations: 12 });
    expect(report!.events).toBe(eventCount(app!));
    expect(searchOrganisations(db(), '', { first: 100 }).items).toHaveLength(12);
    expect(lines).toContain(
      'certcycle demo: Shenzhen Bright Information Technology Co., Ltd.: suspended 25 days ago (serious failure)',
    );
  });

  it('has active certificates, one with surveillance due soon and one overdue', () => {
    expect(statusOf('cert-nordlicht')).toBe('ACTIVE');
    expect(statusOf('cert-harbour')).toBe('ACTIVE');
    expect(deadline('cert-harbour', 'SURVEILLANCE_AUDIT_DUE')).toMatchObject({
      state: 'UPCOMING',
      daysRemaining: 25,
    });
    expect(statusOf('cert-pacific')).toBe('ACTIVE');
    expect(deadline('cert-pacific', 'SURVEILLANCE_AUDIT_DUE')).toMatchObject({
      state: 'OVERDUE',
      daysRemaining: -20,
    });
  });

  it('has a suspended, an expired and a withdrawn certificate', () => {
    expect(statusOf('cert-bright')).toBe('SUSPENDED');
    expect(statusOf('cert-bright', addDays(TODAY, -26))).toBe('ACTIVE');
    expect(statusOf('cert-lisboa')).toBe('EXPIRED');
    expect(statusOf('cert-baltic')).toBe('WITHDRAWN');
    expect(statusOf('cert-baltic', addDays(TODAY, -61))).toBe('SUSPENDED');
  });

  it('has a restored certificate with a gap without certification', () => {
    const restored = findCertificate(db(), 'cert-riogrande')!;
    expect(statusOf('cert-riogrande')).toBe('ACTIVE');
    const expiredPeriod = restored.statusPeriods.find((p) => p.status === 'EXPIRED');
    expect(expiredPeriod).toBeDefined();
    expect(statusOf('cert-riogrande', expiredPeriod!.from)).toBe('EXPIRED');
    expect(restored.expiryDate > TODAY).toBe(true);
  });

  it('has an audit cycle in stage 2 with an open major and an open minor nonconformity', () => {
    const cycle = findAuditCycle(db(), 'cycle-nairobi-1')!;
    expect(cycle.decision).toBeNull();
    expect(auditsOfCycle(db(), 'cycle-nairobi-1').map((a) => [a.kind, a.lastDay !== null])).toEqual(
      [
        ['STAGE1', true],
        ['STAGE2', true],
      ],
    );
    const findings = nonconformitiesOfCycle(db(), 'cycle-nairobi-1');
    expect(findings.map((nc) => [nc.grade, nc.verifiedOn, nc.planAcceptedOn])).toEqual([
      ['MAJOR', null, null],
      ['MINOR', null, null],
    ]);
    expect(findCertificate(db(), 'cert-nairobi')).toBeNull();
  });

  it('has a transferred-in, a renewed and a scope-extended certificate', () => {
    const transferred = findCertificate(db(), 'cert-andes')!;
    expect(statusOf('cert-andes')).toBe('ACTIVE');
    expect(transferred.transfer).toMatchObject({ previousCertificateNumber: 'GAR-ISMS-01187' });

    const renewed = findCertificate(db(), 'cert-kyoto')!;
    expect(statusOf('cert-kyoto')).toBe('ACTIVE');
    expect(renewed.revision).toBe(2);
    expect(renewed.cycleDecisionDate > addDays(TODAY, -30)).toBe(true);
    expect(renewed.originalCertificationDate < addDays(TODAY, -1000)).toBe(true);
    expect(renewed.expiryDate > addDays(TODAY, 3 * 365)).toBe(true);

    const extended = findCertificate(db(), 'cert-maple')!;
    expect(statusOf('cert-maple')).toBe('ACTIVE');
    expect(extended.revision).toBe(2);
    expect(extended.sites).toHaveLength(2);
    expect(extended.suspensions).toHaveLength(1);
  });

  it('has a certificate near expiry whose recertification audit is overdue', () => {
    expect(statusOf('cert-atlas')).toBe('ACTIVE');
    expect(deadline('cert-atlas', 'RECERTIFICATION_AUDIT_DUE')?.state).toBe('OVERDUE');
    expect(deadline('cert-atlas', 'CERTIFICATE_EXPIRY')?.state).toBe('UPCOMING');
  });

  it('lists certificates in every status today', () => {
    const statuses = listCertificates(db(), {}, TODAY, { first: 100 }).items.map(({ node }) =>
      statusOnFromPeriods(node.statusPeriods, TODAY),
    );
    expect(new Set(statuses)).toEqual(new Set(['ACTIVE', 'SUSPENDED', 'EXPIRED', 'WITHDRAWN']));
    expect(statuses).toHaveLength(11);
  });

  it('prints the demo ADMIN key, which answers GraphQL', async () => {
    expect(app!.demoAdminKey).not.toBeNull();
    expect(await graphql(app!, '{ me { role } }', {}, app!.demoAdminKey)).toEqual({
      data: { me: { role: 'ADMIN' } },
    });
  });

  it("prints a curl example whose query answers the demo's most urgent deadlines", async () => {
    const banner = demoBanner(app!.url, app!.demoAdminKey!, await app!.ready, testConfig(dir.path));
    const curl = banner.find((line) => line.trim().startsWith('curl -s'))!;
    expect(curl).toContain(`-H 'authorization: Bearer ${app!.demoAdminKey}'`);
    const body = JSON.parse(/-d '(.*)'$/.exec(curl)![1]!) as { query: string };
    const answer = await graphql(app!, body.query, {}, app!.demoAdminKey);
    expect(answer.errors).toBeUndefined();
    const edges = (answer.data!.upcomingDeadlines as { edges: { node: unknown }[] }).edges;
    expect(edges).toHaveLength(3);
    expect(edges[0]!.node).toMatchObject({
      state: 'OVERDUE',
      organisation: { legalName: expect.any(String) as string },
    });
  });

  it('seeds nothing into a store that already holds events', async () => {
    const before = eventCount(app!);
    await app!.close();
    app = await startQuietly(testConfig(dir.path, DEMO_ENV));
    expect(await app.ready).toEqual({ caughtUp: 0, demo: null, demoUnfinished: false });
    expect(eventCount(app)).toBe(before);
  });
});

describe('demo data under a policy without restoration (CN_CNCA)', () => {
  const dir = temporaryDirectory('demo-cn');
  afterAll(() => dir.remove());

  it('leaves the late recertification expired and says why', async () => {
    const lines: string[] = [];
    const app = await startQuietly(
      testConfig(dir.path, { ...DEMO_ENV, CERTCYCLE_POLICY_PROFILE: 'CN_CNCA' }),
      lines,
    );
    try {
      expect((await app.ready).demo).toMatchObject({ organisations: 12 });
      expect(certificateStatusOn(app.storage.readModels, 'cert-riogrande', TODAY)).toBe('EXPIRED');
      expect(certificateStatusOn(app.storage.readModels, 'cert-kyoto', TODAY)).toBe('ACTIVE');
      expect(lines).toContain(
        'certcycle demo: Rio Grande Manufatura Ltda.: expired, not restored: policy CN_CNCA allows no restoration',
      );
    } finally {
      await app.close();
    }
  });
});
