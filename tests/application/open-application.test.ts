import { ApplicationAlreadyOpenError } from '../../src/domain';
import {
  ADMIN,
  d,
  lifecycleWorld,
  organisationCyclesFromLog,
  readyOrganisation,
  SCOPE,
  STANDARD,
  type World,
} from './lifecycle-fixtures';

describe('one open application per organisation and standard', () => {
  const worlds = lifecycleWorld('open-application');
  let world: World;

  beforeEach(async () => {
    world = worlds.open(undefined, {
      auditCyclesOfOrganisation: (id) => organisationCyclesFromLog(world, id),
    });
    await readyOrganisation(world.service, 'org-1');
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  const apply = (auditCycleId: string) =>
    world.service.submitApplication(
      {
        auditCycleId,
        organisationId: 'org-1',
        standard: STANDARD,
        scope: SCOPE,
        sites: ['site-bj'],
        submittedOn: d('2024-01-10'),
      },
      ADMIN,
    );

  it('refuses the second of two applications sent at once, as if sent one after the other', async () => {
    const before = (await world.store.readAll()).length;
    const outcomes = await Promise.allSettled([apply('cycle-1'), apply('cycle-2')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(
      new ApplicationAlreadyOpenError({
        auditCycleId: 'cycle-1',
        kind: 'INITIAL',
        standard: STANDARD,
        submittedOn: d('2024-01-10'),
      }),
    );
    expect((await world.store.readAll()).length).toBe(before + 1);
  });
});
