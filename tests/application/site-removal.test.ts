import { SiteOnCertificateError } from '../../src/application';
import {
  ADMIN,
  audit,
  d,
  DECISION_MAKER,
  grantedInitialCycle,
  lifecycleWorld,
  readyForDecision,
  recertify,
  type World,
  certificatesOfOrg1,
  withdrawOwnFault,
} from './lifecycle-fixtures';

describe('removing a site a certificate lists', () => {
  const worlds = lifecycleWorld('site-removal');
  let world: World;

  beforeEach(async () => {
    world = worlds.open(undefined, {
      certificatesOf: certificatesOfOrg1,
    });
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  const remove = (removedOn: string) =>
    world.service.removeSite(
      { organisationId: 'org-1', siteId: 'site-sh', removedOn: d(removedOn) },
      ADMIN,
    );

  /** A scope reduction decided on 2024-06-01 that leaves the Shanghai site out. */
  const reduceToBeijing = (effectiveOn?: string) =>
    world.service.reduceScope(
      {
        certificateId: 'cert-1',
        scope: 'IT service management of data-centre hosting services in Beijing',
        sites: [{ siteId: 'site-bj' }],
        decisionDate: d('2024-06-01'),
        ...(effectiveOn ? { effectiveDate: d(effectiveOn) } : {}),
      },
      DECISION_MAKER,
    );

  it('is refused while the certificate is in force, writing nothing', async () => {
    const before = (await world.store.readAll()).length;
    await expect(remove('2024-06-01')).rejects.toThrow(
      new SiteOnCertificateError('site-sh', 'CN-20000-00001', 'ACTIVE', d('2024-06-01')),
    );
    await expect(remove('2024-06-01')).rejects.toMatchObject({ rule: 'SITE_ON_CERTIFICATE' });
    expect((await world.store.readAll()).length).toBe(before);
  });

  it('is accepted once a scope reduction left the site out', async () => {
    await reduceToBeijing();
    await expect(remove('2024-06-02')).resolves.toMatchObject({ id: 'org-1' });
  });

  it('is refused until a reduction leaving the site out has taken effect', async () => {
    await reduceToBeijing('2024-09-01');
    await expect(remove('2024-08-31')).rejects.toMatchObject({ rule: 'SITE_ON_CERTIFICATE' });
    await expect(remove('2024-09-01')).resolves.toMatchObject({ id: 'org-1' });
  });

  it('is accepted once a withdrawal means the extension listing the site never takes effect', async () => {
    await reduceToBeijing();
    await audit(world.service, 'cycle-1', 'special-sh', 'SPECIAL', '2024-07-01', '2024-07-02');
    await world.service.extendScope(
      {
        certificateId: 'cert-1',
        scope: 'IT service management of data-centre hosting services',
        sites: [{ siteId: 'site-bj' }, { siteId: 'site-sh' }],
        decisionDate: d('2024-07-10'),
        effectiveDate: d('2024-09-01'),
      },
      DECISION_MAKER,
    );
    await expect(remove('2024-07-20')).rejects.toMatchObject({ rule: 'SITE_ON_CERTIFICATE' });
    await withdrawOwnFault(world.service, '2024-08-01');
    await expect(remove('2024-07-20')).resolves.toMatchObject({ id: 'org-1' });
  });

  it('is refused in a restoration gap when the restored certificate lists the site', async () => {
    await recertify(world.service, 'cert-1', '2027-05-10');
    await world.reactor().catchUp();
    await expect(remove('2027-04-01')).rejects.toMatchObject({
      rule: 'SITE_ON_CERTIFICATE',
      message: expect.stringContaining('(EXPIRED on 2027-04-01)') as unknown,
    });
  });

  it('is accepted once the certificate has expired', async () => {
    await expect(remove('2027-03-20')).resolves.toMatchObject({ id: 'org-1' });
  });
});

describe('removing a site a certificate yet to take effect lists', () => {
  const worlds = lifecycleWorld('site-removal-draft');
  let world: World;

  beforeEach(async () => {
    world = worlds.open(undefined, {
      certificatesOf: certificatesOfOrg1,
    });
    const { auditCycleId } = await readyForDecision(world.service);
    await world.service.decideCertification(
      {
        auditCycleId,
        decision: 'GRANTED',
        decidedOn: d('2024-03-20'),
        effectiveOn: d('2024-04-01'),
        reasons: [],
      },
      DECISION_MAKER,
    );
    await world.reactor().catchUp();
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  it('is refused, advising to reduce the scope once the certificate has taken effect', async () => {
    await expect(
      world.service.removeSite(
        { organisationId: 'org-1', siteId: 'site-sh', removedOn: d('2024-03-25') },
        ADMIN,
      ),
    ).rejects.toThrow(
      'site site-sh is on certificate CN-20000-00001 (DRAFT on 2024-03-25): once the certificate has taken effect, reduce its scope to leave the site out',
    );
  });
});
