export * from './event-store';
export * from './errors';
export * from './stream-name';
export * from './validation';
export * from './sqlite';
export * from './eventstoredb';
export * from './position-waiter';
export * from './recently-stored';
