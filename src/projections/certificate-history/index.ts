export * from './certificate-history-projection';
export * from './certificate-history-query';
export * from './history-entry';
