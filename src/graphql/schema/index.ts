export * from './build-api-schema';
