import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config';
import { checkWritable } from './writable-data-dir';

/** The file that says which process writes the read models of a data directory. */
export const LOCK_FILE = 'certcycle.pid';

/**
 * Another live process (the service or a rebuild) writes this data directory's read models: a
 * setting to change (CERTCYCLE_DATA_DIR) or a process to stop, reported like a configuration error.
 */
export class DataDirInUseError extends ConfigError {
  override readonly name = 'DataDirInUseError';
}

export interface DataDirLock {
  release(): void;
}

/**
 * Creates the data directory if needed; one that cannot be (a file is there), or that this process
 * may not write, is a setting to fix.
 */
export const makeDataDir = (dataDir: string): void => {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError(
      `CERTCYCLE_DATA_DIR ${dataDir} cannot be used as a directory: ${(error as Error).message}`,
    );
  }
  checkWritable(dataDir);
};

/** The lock files this process holds. */
const heldHere = new Set<string>();

/**
 * Whether the process that wrote the lock still runs. Our own process id counts only when this
 * process holds the lock: a container restarted on the same volume often gets the same id again.
 */
const isAlive = (pid: number, file: string): boolean => {
  if (pid === process.pid) return heldHere.has(file);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const holderOf = (file: string): number | null => {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/**
 * One writer per data directory: the service and `rebuild` each take this lock, so a rebuild
 * cannot reset the read models under a running service, nor two services share one embedded
 * store. The lock is a file holding the process id; one left by a process that died is taken over.
 * Within one process, a second holder is refused too.
 */
export const lockDataDir = (dataDir: string, what: string): DataDirLock => {
  makeDataDir(dataDir);
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(file);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(file);
      if (attempt > 0 || (holder !== null && isAlive(holder, file))) {
        throw new DataDirInUseError(
          `${what}: the data directory ${dataDir} is in use by process ${holder ?? '?'} ` +
            `(a running certcycle service or rebuild; stop it first, or remove ${file} if no such ` +
            'process is running)',
        );
      }
      unlinkSync(file);
    }
  }
  let held = true;
  return {
    release: () => {
      if (!held) return;
      held = false;
      heldHere.delete(file);
      if (holderOf(file) === process.pid) unlinkSync(file);
    },
  };
};
