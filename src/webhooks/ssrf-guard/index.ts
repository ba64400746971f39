export * from './allowed-address';
export * from './guarded-agents';
export * from './refused-address';
export * from './refused-address-error';
