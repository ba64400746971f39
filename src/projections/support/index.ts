export * from './aggregate-folds';
export * from './page';
export * from './per-database';
export * from './recorded';
export * from './object-rows';
export * from './query-indexes';
export * from './drop-outdated-table';
export * from './read-cache';
