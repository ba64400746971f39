/** What SQLite answers for a file that is not a database, or one cut short or damaged. */
const DAMAGED = ['SQLITE_NOTADB', 'SQLITE_CORRUPT'];

/** The store file cannot be opened as a database: a backup to restore, or a data directory to fix. */
export class DamagedStoreError extends Error {
  override readonly name = 'DamagedStoreError';
  constructor(file: string, cause: Error) {
    super(
      `the store ${file} cannot be opened (${cause.message}): restore it from a backup, or set ` +
        'CERTCYCLE_DATA_DIR to the directory that holds the store',
      { cause },
    );
  }
}

/** SQLite's answer for a damaged file as a DamagedStoreError; any other error as it is. */
export const damagedStoreOr = (error: unknown, file: string): unknown => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGED.includes(code)
    ? new DamagedStoreError(file, error as Error)
    : error;
};
