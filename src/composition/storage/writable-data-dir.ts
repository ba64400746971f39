import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config';
import { processUser } from './process-user';

/**
 * Refuses, as a setting to fix, a data directory this process may not write, or a file of it
 * (`name`, when it exists) that it may not read and write. SQLite opens a store it may not write
 * read-only, without a word, and fails at the first write, having made its `-wal` and `-shm` files
 * by then.
 */
export const checkWritable = (dataDir: string, name?: string): void => {
  const target = name === undefined ? dataDir : path.join(dataDir, name);
  try {
    accessSync(target, constants.R_OK | constants.W_OK | (name === undefined ? constants.X_OK : 0));
  } catch (error) {
    if (name !== undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new ConfigError(
      `CERTCYCLE_DATA_DIR ${dataDir}${name === undefined ? '' : `: ${name}`} is not writable by ` +
        `this process (${processUser()}): run it as the ${name === undefined ? 'directory' : 'file'}'s ` +
        `owner or let ${processUser()} write to it`,
    );
  }
};

/** Refuses a SQLite database file of the data directory, or its WAL files, that this process may not write. */
export const checkWritableDatabase = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm']) {
    checkWritable(path.dirname(file), `${path.basename(file)}${suffix}`);
  }
};
