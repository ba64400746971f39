export * from './standards-catalog';
