export * from './auth';
export * from './errors';
export * from './limits';
export * from './pagination';
export * from './scalars';
export * from './schema';
export * from './server';
export * from './subscriptions';
