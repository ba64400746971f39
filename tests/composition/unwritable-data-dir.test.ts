import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openReadModels } from '../../src/composition';
import { temporaryDirectory } from '../eventstore/temp-store';
import { startSourceProcess } from '../support/source-process';

jest.setTimeout(60_000);

/** Root is not stopped by file permissions: run as `nobody` then, as an operator's service user. */
const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const UID = UNPRIVILEGED.uid ?? process.getuid?.();

/** Runs `src/<entry>` as the unprivileged user until it exits. */
const runAsUnprivileged = (entry: string, args: string[], env: Record<string, string>) =>
  startSourceProcess(entry, args, { PORT: '0', ...env }, UNPRIVILEGED).exited;

describe('a data directory this process may not write', () => {
  const dir = temporaryDirectory('unwritable-data-dir');
  chmodSync(dir.path, 0o755);
  afterAll(() => dir.remove());

  /** A directory the unprivileged user may read but not write. */
  const readOnlyDir = (name: string): string => {
    const data = dir.file(name);
    mkdirSync(data);
    chmodSync(data, 0o555);
    return data;
  };

  /** A writable directory holding a store the unprivileged user may read but not write. */
  const readOnlyStore = (name: string): string => {
    const data = dir.file(name);
    mkdirSync(data);
    openReadModels(path.join(data, 'certcycle.db')).close();
    chmodSync(path.join(data, 'certcycle.db'), 0o444);
    chmodSync(data, 0o777);
    return data;
  };

  const notWritable = (data: string, file?: string) =>
    `certcycle: configuration error: CERTCYCLE_DATA_DIR ${data}${file ? `: ${file}` : ''} is ` +
    `not writable by this process (uid ${UID}): run it as the ${file ? 'file' : 'directory'}'s ` +
    `owner or let uid ${UID} write to it`;

  it('stops the service with one line, writing nothing', async () => {
    const data = readOnlyDir('service');
    const run = await runAsUnprivileged('main.ts', [], { CERTCYCLE_DATA_DIR: data });
    expect(run).toEqual({ code: 1, stdout: '', stderr: `${notWritable(data)}\n` });
    expect(readdirSync(data)).toEqual([]);
  });

  it('stops the service with one line when the store file is read-only, writing nothing', async () => {
    const data = readOnlyStore('service-store');
    const run = await runAsUnprivileged('main.ts', [], { CERTCYCLE_DATA_DIR: data });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `${notWritable(data, 'certcycle.db')}\n`,
    });
    expect(readdirSync(data)).toEqual(['certcycle.db']);
  });

  it('stops the service with one line when the webhook key file cannot be read, writing nothing', async () => {
    const data = dir.file('service-key');
    mkdirSync(data);
    writeFileSync(path.join(data, 'webhook-secret.key'), 'not read\n', { mode: 0o000 });
    chmodSync(data, 0o777);
    const run = await runAsUnprivileged('main.ts', [], { CERTCYCLE_DATA_DIR: data });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `certcycle: configuration error: ${path.join(data, 'webhook-secret.key')} cannot be ` +
        `read by this process (uid ${UID}): run it as the file's owner or let uid ${UID} read it\n`,
    });
    expect(readdirSync(data)).toEqual(['webhook-secret.key']);
  });

  it('stops api-key create with one line, writing nothing', async () => {
    const data = readOnlyDir('create');
    const run = await runAsUnprivileged(
      'cli/main.ts',
      ['api-key', 'create', '--role', 'VIEWER', '--person', 'v'],
      { CERTCYCLE_DATA_DIR: data },
    );
    expect(run).toEqual({ code: 1, stdout: '', stderr: `${notWritable(data)}\n` });
    expect(readdirSync(data)).toEqual([]);
  });

  it('stops api-key list with one line on a store it may not enter, rather than say there is none', async () => {
    const data = readOnlyStore('list');
    chmodSync(data, 0o000);
    const run = await runAsUnprivileged('cli/main.ts', ['api-key', 'list'], {
      CERTCYCLE_DATA_DIR: data,
    });
    chmodSync(data, 0o755);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `${notWritable(data)}\n` });
  });

  it.each([
    { name: 'api-key revoke', command: ['api-key', 'revoke', 'some-id'] },
    { name: 'rebuild', command: ['rebuild'] },
  ])('stops $name with one line on a read-only store, writing nothing', async ({ command }) => {
    const data = readOnlyStore(command.join('-'));
    const run = await runAsUnprivileged('cli/main.ts', command, { CERTCYCLE_DATA_DIR: data });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `${notWritable(data, 'certcycle.db')}\n`,
    });
    expect(readdirSync(data)).toEqual(['certcycle.db']);
  });
});
