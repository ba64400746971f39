export * from './clock';
export * from './command-handler';
export * from './load-aggregate';
export * from './certificate-numbers';
export * from './lifecycle';
export * from './reactors';
