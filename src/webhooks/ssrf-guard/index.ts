export * from './guarded-agents';
export * from './refused-address';
