export * from './demo-organisations';
export * from './demo-people';
export * from './demo-scenarios';
export * from './demo-steps';
export * from './seed-demo-data';
