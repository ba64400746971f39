export * from './webhook-fan-out';
