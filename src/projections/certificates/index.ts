export * from './certificate-number-parts';
export * from './certificate-queries';
export * from './certificate-view';
export * from './closest-by-number';
export * from './certificates-projection';
export * from './revision-periods';
export * from './status-periods';
