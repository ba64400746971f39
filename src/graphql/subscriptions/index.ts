export * from './in-memory-pub-sub';
