import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIdError,
  SqliteConfigurationError,
  SqliteEventStore,
  type NewEvent,
  type RecordedEvent,
} from '../../../src/eventstore';
import { temporaryDirectory } from '../temp-store';

const event = (type = 'CertificateIssued'): NewEvent => ({
  id: randomUUID(),
  type,
  data: {},
  metadata: { correlationId: 'corr', actor: 'tester' },
});

const waitFor = async (condition: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('SQLite event store', () => {
  const directory = temporaryDirectory('sqlite-store');
  let fileNumber = 0;
  const newFile = () => directory.file(`events-${(fileNumber += 1)}.db`);

  afterAll(() => directory.remove());

  it('opens every connection in WAL mode with synchronous=FULL', async () => {
    const store = new SqliteEventStore(newFile());

    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    await store.close();
  });

  it('refuses an in-memory database, which cannot be durable', () => {
    expect(() => new SqliteEventStore(':memory:')).toThrow(SqliteConfigurationError);
  });

  it('shares a connection with other tables and leaves it open when closed', async () => {
    const db = new Database(newFile());
    db.exec('CREATE TABLE read_model (id TEXT PRIMARY KEY)');
    db.prepare('INSERT INTO read_model VALUES (?)').run('kept');
    const store = new SqliteEventStore(db);
    await store.appendToStream('certificate-1', [event()]);

    await store.close();

    expect(db.open).toBe(true);
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
    expect(db.prepare('SELECT id FROM read_model').pluck().get()).toBe('kept');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('closes the database it opened and refuses work afterwards', async () => {
    const store = new SqliteEventStore(newFile());

    await store.close();

    expect(store.db.open).toBe(false);
    await expect(store.appendToStream('certificate-1', [event()])).rejects.toThrow(/is closed/);
  });

  it('keeps the events of an earlier session when the file is reopened', async () => {
    const file = newFile();
    const first = new SqliteEventStore(file);
    await first.appendToStream('certificate-1', [event(), event()]);
    await first.close();

    const second = new SqliteEventStore(file);
    const result = await second.appendToStream('certificate-1', [event()], { expectedVersion: 2 });

    expect(result).toEqual({ nextVersion: 3, position: '00000000000000000003' });
    await second.close();
  });

  it('exposes the rowid as a zero-padded 20-digit position', async () => {
    const store = new SqliteEventStore(newFile());
    await store.appendToStream('certificate-1', [event(), event()]);

    const positions = (await store.readAll()).map((recorded) => recorded.position);

    expect(positions).toEqual(['00000000000000000001', '00000000000000000002']);
    await store.close();
  });

  describe('event ids', () => {
    let store: SqliteEventStore;
    beforeAll(() => {
      store = new SqliteEventStore(newFile());
    });
    afterAll(() => store.close());

    it('refuses an id already used in another stream', async () => {
      const used = event();
      await store.appendToStream('certificate-a', [used]);

      const appending = store.appendToStream('certificate-b', [used]);

      await expect(appending).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(appending).rejects.toMatchObject({ eventId: used.id, stream: 'certificate-b' });
      expect(await store.readStream('certificate-b')).toEqual([]);
    });

    it('refuses ids stored out of their original order', async () => {
      const [a, b] = [event(), event()];
      await store.appendToStream('certificate-c', [a, b]);

      await expect(store.appendToStream('certificate-c', [b, a])).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store.readStream('certificate-c')).toHaveLength(2);
    });

    it('refuses an append that extends an earlier one with new events', async () => {
      const [a, b] = [event(), event()];
      await store.appendToStream('certificate-d', [a]);

      await expect(
        store.appendToStream('certificate-d', [a, b], { expectedVersion: 'no_stream' }),
      ).rejects.toMatchObject({ name: 'DuplicateEventIdError', eventId: a.id });
      expect(await store.readStream('certificate-d')).toHaveLength(1);
    });

    it('accepts a retry with stream_exists of an append made with no_stream', async () => {
      const first = await store.appendToStream('certificate-e', [event()]);
      const retried = [event()];
      const original = await store.appendToStream('certificate-e', retried, {
        expectedVersion: 'stream_exists',
      });

      expect(
        await store.appendToStream('certificate-e', retried, { expectedVersion: 'stream_exists' }),
      ).toEqual(original);
      expect(original.position > first.position).toBe(true);
    });
  });

  describe('live subscriptions', () => {
    it('are woken by appends made through another store on the same file', async () => {
      const file = newFile();
      const reader = new SqliteEventStore(file);
      const writer = new SqliteEventStore(file);
      const seen: RecordedEvent[] = [];
      const subscription = reader.subscribe({}, (events) => {
        seen.push(...events);
        return Promise.resolve();
      });
      await new Promise((resolve) => setTimeout(resolve, 20));

      const appended = event();
      await writer.appendToStream('certificate-1', [appended]);

      await waitFor(() => seen.length === 1);
      expect(seen[0]!.id).toBe(appended.id);
      await subscription.close();
      await Promise.all([reader.close(), writer.close()]);
    });

    it('see writes of other processes only when polling is switched on', async () => {
      const file = newFile();
      const polling = new SqliteEventStore(file, { pollIntervalMs: 20 });
      const notPolling = new SqliteEventStore(file);
      const byPolling: RecordedEvent[] = [];
      const byNotPolling: RecordedEvent[] = [];
      const subscriptions = [
        polling.subscribe({}, (events) => Promise.resolve(void byPolling.push(...events))),
        notPolling.subscribe({}, (events) => Promise.resolve(void byNotPolling.push(...events))),
      ];
      await new Promise((resolve) => setTimeout(resolve, 20));
      const foreign = new Database(file);
      foreign
        .prepare(
          'INSERT INTO events (id, stream, version, category, type, data, metadata) ' +
            "VALUES ('e-1', 'certificate-9', 1, 'certificate', 'CertificateIssued', '{}', ?)",
        )
        .run(
          JSON.stringify({
            correlationId: 'c',
            causationId: null,
            actor: 'a',
            recordedAt: '2025-01-01T00:00:00Z',
            schemaVersion: 1,
          }),
        );
      foreign.close();

      await waitFor(() => byPolling.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(byNotPolling).toHaveLength(0);
      await Promise.all([polling.close(), notPolling.close()]);
      await Promise.all(subscriptions.map((subscription) => subscription.done));
    });

    it('are stopped when the store closes', async () => {
      const store = new SqliteEventStore(newFile());
      const subscription = store.subscribe({}, () => Promise.resolve());

      await store.close();

      await expect(subscription.done).resolves.toBeUndefined();
    });

    it('finish the batch in progress before close resolves', async () => {
      const store = new SqliteEventStore(newFile());
      await store.appendToStream('certificate-1', [event(), event()]);
      let finished = 0;
      let started!: () => void;
      const handlerStarted = new Promise<void>((resolve) => (started = resolve));
      const subscription = store.subscribe({ batchSize: 1 }, async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished += 1;
      });
      await handlerStarted;

      await subscription.close();

      expect(finished).toBe(1);
      await store.close();
    });
  });
});
