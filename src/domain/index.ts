export * from './calendar';
export * from './decider';
export * from './errors';
export * from './policy';
export * from './standards';
export * from './deadlines';
export * from './organisation';
export * from './certificate';
