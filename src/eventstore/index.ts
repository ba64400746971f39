export * from './event-store';
export * from './errors';
export * from './stream-name';
export * from './validation';
