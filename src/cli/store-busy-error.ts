import { ConfigError } from '../config';

/**
 * Another process kept the store locked for writing longer than SQLite waits (a rebuild, or the
 * service building query indexes at the end of a replay): a moment to wait, reported in one line
 * like a data directory in use.
 */
export class StoreBusyError extends ConfigError {
  override readonly name = 'StoreBusyError';
  constructor(file: string) {
    super(
      `the store ${file} stayed locked by another process's write for over 5 s (a rebuild, or the ` +
        'service building its query indexes); nothing was changed: try again in a moment',
    );
  }
}

/** SQLite's SQLITE_BUSY, after its busy timeout, as a StoreBusyError; any other error as it is. */
export const storeBusyOr = (error: unknown, file: string): unknown =>
  (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY' ? new StoreBusyError(file) : error;
