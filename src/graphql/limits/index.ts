export * from './alias-limit-rule';
export * from './cost-limit-rule';
export * from './depth-limit-rule';
export * from './query-limit-rules';
export * from './query-limits';
