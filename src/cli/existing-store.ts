import { existsSync, statSync } from 'node:fs';
import { type Config, ConfigError } from '../config';
import { checkEventStoreMatches, checkWritable, readModelsFile } from '../composition/storage';

/**
 * The read-model file of the configured data directory, which must exist: a command that reads a
 * store refuses a wrong CERTCYCLE_DATA_DIR rather than create an empty store there. `what`: what
 * the command would find in it ("keys to list").
 */
export const existingStoreFile = (config: Config, what: string): string => {
  checkEventStoreMatches(config);
  const file = readModelsFile(config);
  const isDirectory = statSync(config.dataDir, { throwIfNoEntry: false })?.isDirectory();
  if (isDirectory === false) {
    throw new ConfigError(`CERTCYCLE_DATA_DIR ${config.dataDir} is not a directory`);
  }
  // A directory this process may not enter hides its store: say that, not that there is none.
  if (isDirectory) checkWritable(config.dataDir);
  if (!existsSync(file)) {
    throw new ConfigError(
      `no certcycle store at ${file}, so no ${what} (is CERTCYCLE_DATA_DIR right?)`,
    );
  }
  return file;
};
