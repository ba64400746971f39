export * from './folded-standard-text';
export * from './standards-catalog';
