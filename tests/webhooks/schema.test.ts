import Database from 'better-sqlite3';
import { createWebhookSchema } from '../../src/webhooks/schema';

describe('webhook schema', () => {
  it('adds the in-flight lease, claim time and cancellation columns to a deliveries table created before them', () => {
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
      expect(columns).toEqual(
        expect.arrayContaining([
          'in_flight_until',
          'in_flight_since',
          'cancelled_at',
          'cancelled_reason',
        ]),
      );
    } finally {
      db.close();
    }
  });

  it('keeps the endpoints made before the client-managed and deleted columns manageable by CLIENT keys, and not deleted', () => {
    const db = new Database(':memory:');
    try {
      db.exec(`CREATE TABLE wh_subscriptions (
        id TEXT PRIMARY KEY, url TEXT NOT NULL, event_types TEXT NOT NULL, organisation_id TEXT,
        description TEXT NOT NULL, enabled INTEGER NOT NULL, disabled_reason TEXT,
        secret TEXT NOT NULL, previous_secret TEXT, previous_secret_expires_at INTEGER,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, last_success_at INTEGER,
        failing_since INTEGER, throttled_until INTEGER) STRICT`);
      db.exec(`INSERT INTO wh_subscriptions (id, url, event_types, organisation_id, description,
        enabled, secret, created_at, updated_at)
        VALUES ('whsub_old', 'https://x.example/', '[]', 'org-1', '', 1, 's', 0, 0)`);
      createWebhookSchema(db);
      createWebhookSchema(db);
      expect(
        db
          .prepare("SELECT client_managed, deleted_at FROM wh_subscriptions WHERE id = 'whsub_old'")
          .get(),
      ).toEqual({ client_managed: 1, deleted_at: null });
    } finally {
      db.close();
    }
  });
});
