export * from './open-deadline';
export * from './reminder-plan';
export * from './reminder-recorder';
export * from './reminder-scanner';
