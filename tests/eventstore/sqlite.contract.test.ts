import { SqliteEventStore } from '../../src/eventstore';
import { eventStoreContract } from './event-store-contract';
import { temporaryDirectory } from './temp-store';

eventStoreContract('SQLite (temporary file)', () => {
  const directory = temporaryDirectory('contract');
  const store = new SqliteEventStore(directory.file('events.db'));
  return Promise.resolve({
    store,
    cleanup: async () => {
      await store.close();
      directory.remove();
    },
  });
});
