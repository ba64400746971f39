export * from './certification-policy';
export * from './validity';
