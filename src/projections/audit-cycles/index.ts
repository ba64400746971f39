export * from './audit-cycle-query';
export * from './audit-cycle-view';
export * from './audit-cycles-projection';
