export * from './guarded-agents';
