/** Who this process runs as, for messages about files it may not use (`uid 1000`). */
export const processUser = (): string => (process.getuid ? `uid ${process.getuid()}` : 'its user');
