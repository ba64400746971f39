import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli';
import { openReadModels, openStorage } from '../../src/composition';
import { ConfigError, loadConfig } from '../../src/config';
import { temporaryDirectory } from '../eventstore/temp-store';

const EVENTSTOREDB = {
  CERTCYCLE_EVENT_STORE: 'eventstoredb',
  // Nothing listens on port 1: the data directory is refused before the server is asked.
  EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false',
};

const runCliIn = async (argv: readonly string[], env: NodeJS.ProcessEnv) => {
  const err: string[] = [];
  const code = await runCli(argv, {
    env,
    out: () => undefined,
    err: (line) => err.push(line),
    progress: { write: () => true },
    signal: new AbortController().signal,
  });
  return { code, err };
};

describe('a data directory of the other event store', () => {
  const dir = temporaryDirectory('event-store-mismatch');
  afterAll(() => dir.remove());

  /** A data directory holding only `file`, as the other mode left it. */
  const dataDirWith = (name: string, file: string): string => {
    const data = dir.file(name);
    mkdirSync(data);
    openReadModels(path.join(data, file)).close();
    return data;
  };

  const besideEventStoreDB = (data: string) =>
    `CERTCYCLE_DATA_DIR ${data} holds read-models.db, the read models of an EventStoreDB, and no ` +
    'certcycle.db: set CERTCYCLE_EVENT_STORE=eventstoredb and EVENTSTORE_CONNECTION_STRING, or ' +
    'use another directory for an embedded store';
  const embedded = (data: string) =>
    `CERTCYCLE_DATA_DIR ${data} holds certcycle.db, an embedded store, and no read-models.db: ` +
    'unset CERTCYCLE_EVENT_STORE (or set it to sqlite), or use another directory beside an ' +
    'EventStoreDB';

  it('refuses to start an empty embedded store beside the read models of an EventStoreDB', async () => {
    const data = dataDirWith('embedded-start', 'read-models.db');
    const config = loadConfig({ CERTCYCLE_DATA_DIR: data });
    const opening = openStorage(config);
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toThrow(besideEventStoreDB(data));
    expect(readdirSync(data)).toEqual(['read-models.db']);
  });

  it('refuses to follow an EventStoreDB in the directory of an embedded store', async () => {
    const data = dataDirWith('eventstoredb-start', 'certcycle.db');
    const config = loadConfig({ CERTCYCLE_DATA_DIR: data, ...EVENTSTOREDB });
    const opening = openStorage(config);
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toThrow(embedded(data));
    expect(readdirSync(data)).toEqual(['certcycle.db']);
  });

  it('refuses api-key create, list and rebuild there, making no store', async () => {
    const data = dataDirWith('api-key', 'read-models.db');
    for (const argv of [
      ['api-key', 'create', '--role', 'VIEWER', '--person', 'v'],
      ['api-key', 'list'],
      ['rebuild'],
    ]) {
      expect(await runCliIn(argv, { CERTCYCLE_DATA_DIR: data })).toEqual({
        code: 1,
        err: [`certcycle: configuration error: ${besideEventStoreDB(data)}`],
      });
    }
    expect(readdirSync(data)).toEqual(['read-models.db']);
  });

  it('leaves a directory holding both, or neither, to the configured store', async () => {
    const data = dataDirWith('both', 'read-models.db');
    openReadModels(path.join(data, 'certcycle.db')).close();
    await (await openStorage(loadConfig({ CERTCYCLE_DATA_DIR: data }))).close();
    await (await openStorage(loadConfig({ CERTCYCLE_DATA_DIR: dir.file('neither') }))).close();
  });
});
