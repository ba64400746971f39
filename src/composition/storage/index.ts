export * from './damaged-store-error';
export * from './data-dir-lock';
export * from './event-store-mismatch';
export * from './event-store-unreadable-error';
export * from './open-storage';
export * from './read-models-file';
export * from './sqlite-checkpoint-store';
export * from './writable-data-dir';
