export * from './open-deadline';
export * from './reminder-plan';
export * from './reminder-recorder';
export * from './reminder-scan-summary';
export * from './reminder-scanner';
