import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openReadModels } from '../../src/composition';
import { SqliteEventStore } from '../../src/eventstore';
import { temporaryDirectory } from '../eventstore/temp-store';
import { startSourceProcess } from '../support/source-process';

jest.setTimeout(60_000);

/** Runs `src/<entry>` until it exits. */
const runProcess = (entry: string, args: string[], env: Record<string, string>) =>
  startSourceProcess(entry, args, { PORT: '0', ...env }).exited;

const COMMANDS: { name: string; entry: string; args: string[] }[] = [
  { name: 'the service', entry: 'main.ts', args: [] },
  { name: 'api-key list', entry: 'cli/main.ts', args: ['api-key', 'list'] },
  { name: 'rebuild', entry: 'cli/main.ts', args: ['rebuild'] },
];

describe('a store file that is not a SQLite database, or is damaged', () => {
  const dir = temporaryDirectory('damaged-store');
  afterAll(() => dir.remove());

  /** A data directory whose certcycle.db holds `content`. */
  const dataDirHolding = (name: string, content: Buffer | string): string => {
    const data = dir.file(name);
    mkdirSync(data);
    writeFileSync(path.join(data, 'certcycle.db'), content);
    return data;
  };

  /** The first pages of a real store, the rest cut off (a copy that did not finish). */
  const truncatedStore = (): Buffer => {
    const file = dir.file('whole.db');
    const db = openReadModels(file);
    new SqliteEventStore(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const copy = dir.file('copy.db');
    copyFileSync(file, copy);
    return readFileSync(copy).subarray(0, 4096);
  };

  const cannotOpen = (data: string, reason: string) =>
    `certcycle: the store ${path.join(data, 'certcycle.db')} cannot be opened (${reason}): ` +
    'restore it from a backup, or set CERTCYCLE_DATA_DIR to the directory that holds the store\n';

  it.each(COMMANDS)('stops $name with one line when it is not a database', async (command) => {
    const data = dataDirHolding(
      `not-a-database-${command.args[0] ?? 'service'}`,
      'these are the minutes of a meeting, not a certcycle store\n'.repeat(200),
    );
    const run = await runProcess(command.entry, command.args, { CERTCYCLE_DATA_DIR: data });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: cannotOpen(data, 'file is not a database'),
    });
    expect(readdirSync(data)).toEqual(['certcycle.db']);
  });

  it.each(COMMANDS)('stops $name with one line when it is cut short', async (command) => {
    const data = dataDirHolding(`truncated-${command.args[0] ?? 'service'}`, truncatedStore());
    const run = await runProcess(command.entry, command.args, { CERTCYCLE_DATA_DIR: data });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: cannotOpen(data, 'database disk image is malformed'),
    });
    expect(readdirSync(data)).toEqual(['certcycle.db']);
  });
});
