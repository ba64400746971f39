import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../../src/config';
import { DataDirInUseError, LOCK_FILE, lockDataDir, openStorage } from '../../src/composition';
import { temporaryDirectory } from '../eventstore/temp-store';

/** The id of a process that has exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
};

describe('one writer per data directory', () => {
  const dir = temporaryDirectory('data-dir-lock');
  afterAll(() => dir.remove());

  it('refuses a second holder, naming the process, until the first releases it', () => {
    const first = lockDataDir(dir.path, 'certcycle');
    expect(() => lockDataDir(dir.path, 'rebuild')).toThrow(
      new RegExp(`^rebuild: the data directory .* is in use by process ${process.pid} `),
    );
    expect(() => lockDataDir(dir.path, 'rebuild')).toThrow(DataDirInUseError);
    first.release();
    expect(existsSync(dir.file(LOCK_FILE))).toBe(false);
    lockDataDir(dir.path, 'rebuild').release();
  });

  it('refuses a data directory that is a file with a configuration error, not a stack trace', () => {
    const file = dir.file('a-file');
    writeFileSync(file, '');
    for (const target of [file, `${file}/sub`]) {
      expect(() => lockDataDir(target, 'certcycle')).toThrow(
        new RegExp(`^CERTCYCLE_DATA_DIR ${target} cannot be used as a directory: E(EXIST|NOTDIR)`),
      );
      expect(() => lockDataDir(target, 'certcycle')).toThrow(ConfigError);
    }
  });

  it('takes over a lock left by a process that died', () => {
    writeFileSync(dir.file(LOCK_FILE), `${deadPid()}\n`);
    const lock = lockDataDir(dir.path, 'certcycle');
    lock.release();
    expect(existsSync(dir.file(LOCK_FILE))).toBe(false);
  });

  it('takes over a lock that names this process but was not taken by it (a restarted container)', () => {
    writeFileSync(dir.file(LOCK_FILE), `${process.pid}\n`);
    const lock = lockDataDir(dir.path, 'certcycle');
    expect(() => lockDataDir(dir.path, 'rebuild')).toThrow(DataDirInUseError);
    lock.release();
  });

  it('is held by the storage the service and rebuild open, until it is closed', async () => {
    const config = loadConfig({ CERTCYCLE_DATA_DIR: dir.path });
    const storage = await openStorage(config);
    await expect(openStorage(config, { what: 'rebuild' })).rejects.toThrow(DataDirInUseError);
    await storage.close();
    await (await openStorage(config, { what: 'rebuild' })).close();
  });
});
