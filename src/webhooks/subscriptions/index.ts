export * from './secret-box';
export * from './validate-webhook-url';
export * from './webhook-errors';
export * from './webhook-subscription';
export * from './webhook-subscriptions';
