export * from './folded-text';
