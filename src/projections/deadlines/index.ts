export * from './deadline-queries';
export * from './deadline-view';
export * from './deadlines-projection';
export * from './open-deadlines';
