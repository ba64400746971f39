import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError, loadConfig } from './config';
import { EventStoreDBEventStore, type EventStore, SqliteEventStore } from './eventstore';

const openEventStore = (config: Config): { store: EventStore; description: string } => {
  if (config.eventStore === 'eventstoredb' && config.eventStoreConnectionString) {
    return {
      store: new EventStoreDBEventStore(config.eventStoreConnectionString),
      description: 'EventStoreDB',
    };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'certcycle.db');
  return { store: new SqliteEventStore(file), description: `embedded SQLite store ${file}` };
};

const main = async (): Promise<void> => {
  const config = loadConfig();
  const { store, description } = openEventStore(config);
  console.log(`certcycle: ${description} is ready.`);
  console.log('certcycle: API not built yet (the GraphQL API arrives with issue 4); exiting.');
  await store.close();
};

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? `certcycle: configuration error: ${error.message}` : error,
  );
  process.exitCode = 1;
});
