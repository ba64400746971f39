import {
  EventStoreUnavailableError,
  type EventStore,
  type Reconnecting,
} from '../../src/eventstore';
import { eventTypes, grantedInitialCycle, lifecycleWorld, type World } from './lifecycle-fixtures';

/** An event store whose first append to a certificate stream finds the server unreachable. */
const certificateAppendUnreachableOnce = (store: EventStore): EventStore => {
  let failed = false;
  return Object.assign(Object.create(store) as EventStore, {
    appendToStream: (...args: Parameters<EventStore['appendToStream']>) => {
      if (!failed && args[0].startsWith('certificate-')) {
        failed = true;
        const cause = new Error('14 UNAVAILABLE: No connection established');
        return Promise.reject(new EventStoreUnavailableError({ cause }));
      }
      return store.appendToStream(...args);
    },
  });
};

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  if (!condition()) throw new Error('condition not reached');
};

describe('certification-outcome reactor, when the event store is unreachable for a while', () => {
  const worlds = lifecycleWorld('outcome-reactor-reconnect');
  let world: World;
  beforeEach(() => {
    world = worlds.open();
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  it('acts on the grant from its checkpoint once the store answers again, issuing once', async () => {
    const states: (Reconnecting | null)[] = [];
    const reactor = world.reactor({
      store: certificateAppendUnreachableOnce(world.store),
      reconnect: { backoff: { initialMs: 1, maxMs: 4 }, onReconnecting: (s) => states.push(s) },
    });
    reactor.start();
    await grantedInitialCycle(world.service);
    await waitFor(() => states.at(-1) === null);
    expect(states.map((state) => state?.attempts ?? null)).toEqual([0, null]);
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual(['CertificateIssued']);
    const [grant] = (await world.store.readAll({ eventTypes: ['CertificationGranted'] })).slice(-1);
    expect(reactor.checkpoint()).toBe(grant?.position);
    await reactor.stop();
  });
});
