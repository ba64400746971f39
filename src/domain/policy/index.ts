export * from './certification-policy';
export * from './reapplication-bar';
export * from './validity';
