export * from './delivery-outbox';
export * from './webhook-deliveries';
export * from './webhook-delivery';
export * from './webhook-message-id';
