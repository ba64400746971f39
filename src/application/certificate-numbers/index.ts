export * from './certificate-number-allocator';
