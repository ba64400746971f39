export * from './projection';
export * from './projection-runner';
export * from './read-model-timeout-error';
export * from './checkpoints';
export * from './aggregate-states';
