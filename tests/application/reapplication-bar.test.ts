import { POLICY_PROFILES, ReapplicationBarredError } from '../../src/domain';
import {
  ADMIN,
  d,
  grantedInitialCycle,
  lifecycleWorld,
  SCOPE,
  STANDARD,
  type World,
  withdrawOwnFault,
  certificatesOfOrg1,
} from './lifecycle-fixtures';

describe('[CN] re-application bar', () => {
  const worlds = lifecycleWorld('reapplication-bar');
  let world: World;

  beforeEach(async () => {
    world = worlds.open(POLICY_PROFILES.CN_CNCA, {
      certificatesOf: certificatesOfOrg1,
    });
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    await withdrawOwnFault(world.service, '2025-06-01');
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  const apply = (submittedOn: string) =>
    world.service.submitApplication(
      {
        auditCycleId: 'cycle-9',
        organisationId: 'org-1',
        certificateId: 'cert-9',
        standard: STANDARD,
        scope: SCOPE,
        sites: ['site-bj'],
        submittedOn: d(submittedOn),
      },
      ADMIN,
    );

  it('refuses a new application within 12 months of an own-fault withdrawal, writing nothing', async () => {
    const before = (await world.store.readAll()).length;
    await expect(apply('2026-05-31')).rejects.toBeInstanceOf(ReapplicationBarredError);
    await expect(apply('2026-05-31')).rejects.toThrow(
      /no new application before 2026-06-01: certificate CN-20000-00001 was withdrawn/,
    );
    expect((await world.store.readAll()).length).toBe(before);
  });

  it('accepts it from the day the bar ends', async () => {
    await expect(apply('2026-06-01')).resolves.toMatchObject({ id: 'cycle-9', version: 1 });
  });
});
