export * from './folded-name';
export * from './organisation-queries';
export * from './organisations-projection';
