export * from './sqlite-event-store';
export { SqliteConfigurationError, walMode } from './schema';
