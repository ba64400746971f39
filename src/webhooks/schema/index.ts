export * from './webhook-schema';
