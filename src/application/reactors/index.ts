export * from './certificate-command-for-grant';
export * from './certification-outcome-reactor';
export * from './checkpoint-store';
