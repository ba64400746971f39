export * from './attempt-outcome';
export * from './retry-policy';
export * from './send-webhook';
export * from './webhook-dispatcher';
