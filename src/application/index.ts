export * from './clock';
export * from './command-handler';
export * from './load-aggregate';
