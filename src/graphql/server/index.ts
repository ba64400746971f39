export * from './api-listener';
export * from './create-api-server';
export * from './service-readiness';
export * from './response-cache';
export * from './listen-error';
