export * from './sqlite-event-store';
export { SqliteConfigurationError } from './schema';
