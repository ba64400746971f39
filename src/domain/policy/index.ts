export * from './certification-policy';
