import { ServiceHealth } from '../../src/composition';
import { EventStoreUnavailableError } from '../../src/eventstore';

/** Readiness following a projection runner in the given state. */
const following = (isLive: boolean, error: unknown = null): ServiceHealth => {
  const health = new ServiceHealth();
  health.follow({ isLive, error });
  return health;
};

describe('service readiness', () => {
  it('is not ready before it follows a projection runner, even once started', () => {
    const health = new ServiceHealth();
    expect(health.readiness()).toEqual({ ready: false, reason: 'starting' });
    health.started();
    expect(health.readiness()).toEqual({ ready: false, reason: 'the projections are not live' });
  });

  it('is not ready while starting, naming the stage', () => {
    const health = following(true);
    health.starting('catching up with the event log');
    expect(health.readiness()).toEqual({
      ready: false,
      reason: 'catching up with the event log',
    });
  });

  it('is ready once started with live projections', () => {
    const health = following(true);
    health.started();
    expect(health.readiness()).toEqual({ ready: true });
  });

  it('is not ready when the projections are not live', () => {
    const health = following(false);
    health.started();
    expect(health.readiness()).toEqual({ ready: false, reason: 'the projections are not live' });
  });

  it('reports a stopped projection runner with its error', () => {
    const health = following(false, new Error('disk I/O error'));
    health.started();
    expect(health.readiness()).toEqual({
      ready: false,
      reason: 'the projection runner stopped: disk I/O error',
    });
  });

  it('stays not ready after a component failed, keeping the first failure', () => {
    const health = following(true);
    health.started();
    health.failed('the certification-outcome reactor', new Error('store closed'));
    health.failed('start-up', new Error('later'));
    expect(health.readiness()).toEqual({
      ready: false,
      reason: 'the certification-outcome reactor stopped: store closed',
    });
  });

  it('is not ready while a follower reconnects, naming it, since when and the last error', () => {
    const health = following(true);
    health.started();
    health.reconnecting('the webhook fan-out', {
      since: new Date('2026-11-28T10:00:00.000Z'),
      attempts: 3,
      lastError: new EventStoreUnavailableError({ cause: new Error('connection refused') }),
    });
    expect(health.readiness()).toEqual({
      ready: false,
      reason:
        'the webhook fan-out is reconnecting to the event store since 2026-11-28T10:00:00.000Z ' +
        '(3 failed attempts; last error: connection refused)',
    });
    health.reconnecting('the webhook fan-out', null);
    expect(health.readiness()).toEqual({ ready: true });
  });
});
