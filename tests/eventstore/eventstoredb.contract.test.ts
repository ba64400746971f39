import { EventStoreDBEventStore } from '../../src/eventstore';
import { eventStoreContract } from './event-store-contract';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract('EventStoreDB', () => {
    const store = new EventStoreDBEventStore(connectionString);
    return Promise.resolve({ store, cleanup: () => store.close() });
  });
} else {
  describe.skip('event store contract: EventStoreDB', () => {
    it('needs a running EventStoreDB: set EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false after docker compose up eventstore)', () =>
      undefined);
  });
}
