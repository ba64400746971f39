export * from './folded-states';
export * from './page';
export * from './per-database';
export * from './recorded';
