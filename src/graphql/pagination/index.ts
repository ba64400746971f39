export * from './connection-types';
export * from './cursor';
export * from './page-info';
export * from './page-request';
