export * from './organisation-queries';
export * from './organisations-projection';
