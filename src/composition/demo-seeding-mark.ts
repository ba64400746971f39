import { closeSync, fsyncSync, openSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { DemoSeedingMark } from '../demo';

/** The file that says a demo seeding began in this data directory and has not finished. */
export const demoSeedingMarkFile = (dataDir: string): string =>
  path.join(dataDir, 'demo-seeding-unfinished');

const fsyncPath = (file: string): void => {
  const descriptor = openSync(file, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
};

/**
 * The demo seeding's mark as a file in the data directory, flushed with its directory entry
 * before the first demo event is appended, so a crash or a kill while seeding leaves it behind.
 */
export const demoSeedingMark = (dataDir: string): DemoSeedingMark => {
  const file = demoSeedingMarkFile(dataDir);
  return {
    isSet: () => existsSync(file),
    set: () => {
      closeSync(openSync(file, 'w'));
      fsyncPath(file);
      fsyncPath(dataDir);
    },
    clear: () => rmSync(file, { force: true }),
  };
};
