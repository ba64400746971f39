export * from './register-table';
export * from './verify-certificate';
