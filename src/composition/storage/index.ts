export * from './data-dir-lock';
export * from './open-storage';
export * from './sqlite-checkpoint-store';
