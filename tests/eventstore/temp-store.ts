import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory for SQLite files, removed by `remove`. */
export const temporaryDirectory = (prefix: string) => {
  const path = mkdtempSync(join(tmpdir(), `certcycle-${prefix}-`));
  return {
    path,
    file: (name: string) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
};
