import { existsSync } from 'node:fs';
import { createServer, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from '../../src/config';
import { EventStoreUnreadableError, openStorage, readModelsFile } from '../../src/composition';
import { temporaryDirectory } from '../eventstore/temp-store';

describe('where the read models live', () => {
  const dir = temporaryDirectory('storage');
  afterAll(() => dir.remove());

  it('shares the embedded store file and connection', async () => {
    const config = loadConfig({ CERTCYCLE_DATA_DIR: dir.path });
    expect(readModelsFile(config)).toBe(dir.file('certcycle.db'));
    const storage = await openStorage(config);
    try {
      expect(storage.readModels.name).toBe(dir.file('certcycle.db'));
      expect('db' in storage.store && storage.store.db).toBe(storage.readModels);
      expect(storage.countEvents()).toBe(0);
    } finally {
      await storage.close();
    }
    expect(storage.readModels.open).toBe(false);
    expect(existsSync(dir.file('certcycle.db-wal'))).toBe(false);
  });

  it('keeps its own file beside an EventStoreDB', () => {
    const config = loadConfig({
      CERTCYCLE_DATA_DIR: dir.path,
      CERTCYCLE_EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
    });
    expect(readModelsFile(config)).toBe(dir.file('read-models.db'));
  });

  it('refuses a connection string EventStoreDB cannot parse as a setting, writing nothing', async () => {
    const config = loadConfig({
      CERTCYCLE_DATA_DIR: dir.file('unparsable'),
      CERTCYCLE_EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'garbage',
    });
    await expect(openStorage(config)).rejects.toThrow(
      new ConfigError(
        'EVENTSTORE_CONNECTION_STRING is not an EventStoreDB connection string: ' +
          'Unexpected "g" at position 0, expected esdb:// or esdb+discover://.',
      ),
    );
    expect(existsSync(dir.file('unparsable'))).toBe(false);
  });

  it('refuses an address where something other than EventStoreDB answers, writing nothing', async () => {
    const server = createServer((_request, response) => {
      response.statusCode = 404;
      response.end();
    });
    const sessions = new Set<ServerHttp2Session>();
    server.on('session', (session) => sessions.add(session));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const config = loadConfig({
        CERTCYCLE_DATA_DIR: dir.file('not-eventstoredb'),
        CERTCYCLE_EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${port}?tls=false`,
      });
      const opening = openStorage(config);
      await expect(opening).rejects.toBeInstanceOf(EventStoreUnreadableError);
      await expect(opening).rejects.toThrow('12 UNIMPLEMENTED: Received HTTP status code 404');
      expect(existsSync(dir.file('not-eventstoredb'))).toBe(false);
    } finally {
      for (const session of sessions) session.destroy();
      server.close();
    }
  });
});
