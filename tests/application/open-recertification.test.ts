import { RecertificationAlreadyOpenError } from '../../src/domain';
import {
  ADMIN,
  auditCyclesFromLog,
  d,
  DECISION_MAKER,
  grantedInitialCycle,
  lifecycleWorld,
  recertify,
  type World,
} from './lifecycle-fixtures';

describe('one open recertification per certificate', () => {
  const worlds = lifecycleWorld('open-recertification');
  let world: World;

  beforeEach(async () => {
    world = worlds.open(undefined, { auditCyclesOf: (id) => auditCyclesFromLog(world, id) });
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  const start = (auditCycleId: string, submittedOn: string) =>
    world.service.startRecertification(
      { certificateId: 'cert-1', auditCycleId, submittedOn: d(submittedOn) },
      ADMIN,
    );

  it('refuses a second recertification application while one is undecided, writing nothing', async () => {
    await start('cycle-2', '2026-09-01');
    const before = (await world.store.readAll()).length;
    await expect(start('cycle-3', '2026-09-10')).rejects.toThrow(
      new RecertificationAlreadyOpenError('cert-1', 'cycle-2', d('2026-09-01')),
    );
    expect((await world.store.readAll()).length).toBe(before);
  });

  it('refuses the second of two applications sent at once, as if sent one after the other', async () => {
    const before = (await world.store.readAll()).length;
    const outcomes = await Promise.allSettled([
      start('cycle-2', '2026-09-01'),
      start('cycle-3', '2026-09-01'),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(
      new RecertificationAlreadyOpenError('cert-1', 'cycle-2', d('2026-09-01')),
    );
    expect((await world.store.readAll()).length).toBe(before + 1);
  });

  it('accepts the next one once the open one is rejected or decided', async () => {
    await start('cycle-2', '2026-09-01');
    await world.service.reviewApplication(
      {
        auditCycleId: 'cycle-2',
        outcome: 'REJECTED',
        reasons: ['scope unclear'],
        reviewedOn: d('2026-09-05'),
      },
      DECISION_MAKER,
    );
    await expect(
      recertify(world.service, 'cert-1', '2027-01-15', 'cycle-3'),
    ).resolves.toMatchObject({
      id: 'cycle-3',
    });
    await world.reactor().catchUp();
    await expect(start('cycle-4', '2029-09-01')).resolves.toMatchObject({ id: 'cycle-4' });
  });
});
