export * from './open-storage';
export * from './sqlite-checkpoint-store';
