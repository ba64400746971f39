import Database from 'better-sqlite3';
import { createWebhookSchema } from '../../src/webhooks/schema';

describe('webhook schema', () => {
  it('adds the in-flight lease column to a deliveries table created before it', () => {
    const db = new Database(':memory:');
    try {
      db.exec(`CREATE TABLE wh_deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL UNIQUE,
        event_id TEXT NOT NULL, subscription_id TEXT NOT NULL, event_type TEXT NOT NULL,
        payload TEXT NOT NULL, status TEXT NOT NULL, attempt_count INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER, created_at INTEGER NOT NULL, delivered_at INTEGER) STRICT`);
      createWebhookSchema(db);
      createWebhookSchema(db);
      const columns = db
        .prepare<[], string>("SELECT name FROM pragma_table_info('wh_deliveries')")
        .pluck()
        .all();
      expect(columns).toContain('in_flight_until');
    } finally {
      db.close();
    }
  });
});
