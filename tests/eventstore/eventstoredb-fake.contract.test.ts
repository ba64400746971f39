import { EventStoreDBEventStore } from '../../src/eventstore';
import { eventStoreContract } from './event-store-contract';
import { FakeEventStoreDBClient } from './eventstoredb/fake-eventstoredb-client';

// The adapter against an in-memory stand-in for the client; the real server leg is
// eventstoredb.contract.test.ts.
eventStoreContract('EventStoreDB adapter over an in-memory fake client', () => {
  const store = new EventStoreDBEventStore(new FakeEventStoreDBClient());
  return Promise.resolve({ store, cleanup: () => store.close() });
});
