import { DEADLINE_SCANNER_ACTOR, UnknownAggregateError } from '../../src/application';
import { DEFAULT_POLICY } from '../../src/domain';
import {
  audit,
  d,
  eventTypes,
  grantedInitialCycle,
  lifecycleWorld,
  type World,
} from './lifecycle-fixtures';

describe('suspension for a missed surveillance', () => {
  const worlds = lifecycleWorld('missed-surveillance');
  let world: World;

  const certified = async (autoSuspendOnMissedSurveillance: boolean) => {
    world = worlds.open({ ...DEFAULT_POLICY, autoSuspendOnMissedSurveillance });
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
  };

  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  it('suspends the day after surveillance 1 fell due when the policy says so, once', async () => {
    await certified(true);
    const { suspendForMissedSurveillance } = world.service;
    expect(await suspendForMissedSurveillance('cert-1', d('2025-03-20'))).toBeNull();
    const result = await suspendForMissedSurveillance('cert-1', d('2025-03-21'));
    expect(result).toMatchObject({ id: 'cert-1', version: 2 });
    const suspended = (await world.store.readStream('certificate-cert-1')).at(-1);
    expect(suspended?.position).toBe(result?.position);
    expect(suspended?.metadata.actor).toBe(DEADLINE_SCANNER_ACTOR);
    expect(suspended?.data).toMatchObject({
      grounds: 'MISSED_SURVEILLANCE',
      details: 'surveillance audit 1 was due by 2025-03-20',
      suspendedOn: '2025-03-21',
      limitDate: '2025-09-21',
      ownFault: true,
    });
    expect(await suspendForMissedSurveillance('cert-1', d('2025-03-21'))).toBeNull();
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual([
      'CertificateIssued',
      'CertificateSuspended',
    ]);
  });

  it('leaves the certificate alone when the policy does not auto-suspend', async () => {
    await certified(false);
    expect(await world.service.suspendForMissedSurveillance('cert-1', d('2025-04-01'))).toBeNull();
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual(['CertificateIssued']);
  });

  it('does nothing when the surveillance was completed in time', async () => {
    await certified(true);
    await audit(world.service, 'cycle-1', 'surv1', 'SURVEILLANCE', '2025-02-10', '2025-02-11', 1);
    expect(await world.service.suspendForMissedSurveillance('cert-1', d('2025-04-01'))).toBeNull();
    const result = await world.service.suspendForMissedSurveillance('cert-1', d('2026-03-21'));
    const suspended = (await world.store.readStream('certificate-cert-1')).at(-1);
    expect(result?.version).toBe(2);
    expect(suspended?.data).toMatchObject({
      details: 'surveillance audit 2 was due by 2026-03-20',
    });
  });

  it('answers UnknownAggregateError for an unknown certificate', async () => {
    await certified(true);
    await expect(
      world.service.suspendForMissedSurveillance('nope', d('2025-04-01')),
    ).rejects.toEqual(new UnknownAggregateError('certificate', 'nope'));
  });
});
