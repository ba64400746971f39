import type { Database } from 'better-sqlite3';

/**
 * Creates the webhook tables (all prefixed `wh_`) if they do not exist, and adds the columns later
 * versions added (`wh_certificates.status`, `wh_deliveries.in_flight_until`,
 * `wh_subscriptions.client_managed`: 1 for the endpoints made before it, which CLIENT keys of
 * their organisation managed; `wh_deliveries.cancelled_at` and `cancelled_reason`;
 * `wh_subscriptions.deleted_at`; `wh_deliveries.in_flight_since`; `wh_certificates.expiry_date`;
 * `wh_attempts.outcome`, null in the rows recorded before it).
 * Idempotent.
 */
export const createWebhookSchema = (db: Database): void => {
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS wh_subscriptions (
      id TEXT PRIMARY KEY,
      url TEXT NOT NULL,
      event_types TEXT NOT NULL,
      organisation_id TEXT,
      description TEXT NOT NULL,
      enabled INTEGER NOT NULL,
      disabled_reason TEXT,
      secret TEXT NOT NULL,
      previous_secret TEXT,
      previous_secret_expires_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      last_success_at INTEGER,
      failing_since INTEGER,
      throttled_until INTEGER,
      client_managed INTEGER NOT NULL DEFAULT 1,
      deleted_at INTEGER
    ) STRICT;
    CREATE TABLE IF NOT EXISTS wh_deliveries (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      webhook_id TEXT NOT NULL UNIQUE,
      event_id TEXT NOT NULL,
      subscription_id TEXT NOT NULL REFERENCES wh_subscriptions (id) ON DELETE CASCADE,
      event_type TEXT NOT NULL,
      payload TEXT NOT NULL,
      status TEXT NOT NULL,
      attempt_count INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER,
      created_at INTEGER NOT NULL,
      delivered_at INTEGER,
      in_flight_until INTEGER,
      in_flight_since INTEGER,
      cancelled_at INTEGER,
      cancelled_reason TEXT,
      UNIQUE (event_id, subscription_id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS wh_deliveries_due ON wh_deliveries (status, next_attempt_at);
    CREATE INDEX IF NOT EXISTS wh_deliveries_by_subscription ON wh_deliveries (subscription_id, id);
    CREATE TABLE IF NOT EXISTS wh_attempts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      delivery_id INTEGER NOT NULL REFERENCES wh_deliveries (id) ON DELETE CASCADE,
      attempted_at INTEGER NOT NULL,
      status_code INTEGER,
      latency_ms INTEGER NOT NULL,
      response_body TEXT,
      error TEXT,
      succeeded INTEGER NOT NULL,
      outcome TEXT
    ) STRICT;
    CREATE INDEX IF NOT EXISTS wh_attempts_by_delivery ON wh_attempts (delivery_id, id);
    CREATE TABLE IF NOT EXISTS wh_checkpoints (
      name TEXT PRIMARY KEY,
      position TEXT
    ) STRICT;
    CREATE TABLE IF NOT EXISTS wh_certificates (
      certificate_id TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL,
      status TEXT,
      expiry_date TEXT
    ) STRICT;
    CREATE TABLE IF NOT EXISTS wh_reminders (
      certificate_id TEXT NOT NULL,
      deadline_key TEXT NOT NULL,
      due_date TEXT NOT NULL,
      threshold TEXT NOT NULL,
      outcome TEXT NOT NULL,
      recorded_at INTEGER NOT NULL,
      PRIMARY KEY (certificate_id, deadline_key, due_date, threshold)
    ) STRICT;
  `);
  addMissingColumn(db, 'wh_certificates', 'status', 'TEXT');
  addMissingColumn(db, 'wh_deliveries', 'in_flight_until', 'INTEGER');
  addMissingColumn(db, 'wh_subscriptions', 'client_managed', 'INTEGER NOT NULL DEFAULT 1');
  addMissingColumn(db, 'wh_deliveries', 'cancelled_at', 'INTEGER');
  addMissingColumn(db, 'wh_deliveries', 'cancelled_reason', 'TEXT');
  addMissingColumn(db, 'wh_subscriptions', 'deleted_at', 'INTEGER');
  addMissingColumn(db, 'wh_deliveries', 'in_flight_since', 'INTEGER');
  addMissingColumn(db, 'wh_certificates', 'expiry_date', 'TEXT');
  addMissingColumn(db, 'wh_attempts', 'outcome', 'TEXT');
};

const addMissingColumn = (db: Database, table: string, column: string, type: string): void => {
  const columns = db
    .prepare<[string], string>('SELECT name FROM pragma_table_info(?)')
    .pluck()
    .all(table);
  if (!columns.includes(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
};
