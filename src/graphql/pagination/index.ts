export * from './connection-from-rows';
export * from './connection-types';
export * from './cursor';
export * from './page-info';
export * from './page-request';
