export * from './create-api-server';
export * from './service-readiness';
