export * from './api-key-commands';
export * from './parse-arguments';
export * from './progress-bar';
export * from './rebuild-command';
export * from './store-busy-error';
export * from './run-cli';
export * from './usage';
export * from './usage-error';
