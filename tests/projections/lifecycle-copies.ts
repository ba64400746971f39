import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/eventstore';
import { appendTypicalLifecycle } from './lifecycle-fixture';

/** `copies` copies of the typical lifecycle under other ids, inserted as they are. */
export const seedLifecycles = async (file: string, copies: number): Promise<number> => {
  const db = new Database(file);
  const store = new SqliteEventStore(db);
  await appendTypicalLifecycle(store);
  const events = await store.readAll();
  const insert = db.prepare(
    'INSERT INTO events (id, stream, version, category, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const copyOf = (text: string, n: number) =>
    text
      .replace(/\b(org|cert|cycle)-(acme|beta|gamma)/g, `$1-$2_${n}`)
      .replace(/CN-(20000|27001)-\d{5}/g, `CN-$1-${String(n).padStart(7, '0')}`);
  db.transaction(() => {
    for (let n = 1; n < copies; n++) {
      for (const event of events) {
        insert.run(
          randomUUID(),
          copyOf(event.stream, n),
          event.version,
          event.stream.slice(0, event.stream.indexOf('-')),
          event.type,
          copyOf(JSON.stringify(event.data), n),
          JSON.stringify(event.metadata),
        );
      }
    }
  })();
  await store.close();
  db.close();
  return events.length * copies;
};
