import path from 'node:path';
import {
  formatCertificateNumber,
  InvalidCertificateNumberPatternError,
  isCalendarDate,
  POLICY_PROFILES,
  type PolicyProfile,
} from './domain';
import { DEFAULT_RECONNECT_BACKOFF, type ReconnectBackoff } from './eventstore';
import { canonicalAddressEntry } from './webhooks/ssrf-guard';

export type EventStoreKind = 'sqlite' | 'eventstoredb';

/** Every setting of the service, read from the environment in this one place. */
export interface Config {
  /** `PORT`, default 4000. */
  port: number;
  /** `HOST`, default 127.0.0.1 (use 0.0.0.0 in a container). */
  host: string;
  /** `CERTCYCLE_DATA_DIR`, default ./data: the SQLite event store and read models. */
  dataDir: string;
  /** `CERTCYCLE_EVENT_STORE`, `sqlite` (default) or `eventstoredb`. */
  eventStore: EventStoreKind;
  /** `EVENTSTORE_CONNECTION_STRING`, required when eventStore is `eventstoredb`. */
  eventStoreConnectionString: string | null;
  /**
   * `CERTCYCLE_RECONNECT_INITIAL_MS` (default 500) and `CERTCYCLE_RECONNECT_MAX_MS` (default
   * 30000): a component that lost the event store waits the first, doubling each attempt up to the
   * second, before it reconnects.
   */
  reconnectBackoff: ReconnectBackoff;
  /** `CERTCYCLE_TIMEZONE`, IANA name, default UTC: the CB's calendar day. */
  timeZone: string;
  /** `CERTCYCLE_NOW`, an ISO instant that fixes the clock (demos, tests); unset = system clock. */
  fixedNow: string | null;
  /** `CERTCYCLE_POLICY_PROFILE`, `ISO_17021` (default) or `CN_CNCA`. */
  policyProfile: PolicyProfile;
  /**
   * `CERTCYCLE_AUTO_SUSPEND_MISSED_SURVEILLANCE=1` (default off): certificates applied for from
   * now on are suspended by the scan that finds their surveillance audit overdue.
   */
  autoSuspendOnMissedSurveillance: boolean;
  /**
   * `CERTCYCLE_ESCALATE_OVERDUE_MINOR=1` (default off): in audit cycles applied for from now on, a
   * minor nonconformity with no plan accepted by its response due date is escalated to major by
   * the next scan.
   */
  escalateOverdueMinor: boolean;
  /** `CERTCYCLE_ADMIN_API_KEY`: bootstrap key for an ADMIN. */
  adminApiKey: string | null;
  /** `CERTCYCLE_DEMO=1`: seed an empty store with demo data. */
  demo: boolean;
  /** `CERTCYCLE_CB_NAME`: the certification body's name printed on certificates. */
  certificationBodyName: string;
  /**
   * `CERTCYCLE_CERTIFICATE_NUMBER_PATTERN`, default `CN-{standardNumber}-{sequence:5}`:
   * placeholders `{sequence[:N]}`, `{standardNumber}`, `{standardVersion}`, `{year}`, `{yy}`.
   */
  certificateNumberPattern: string;
  /** `CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS`, default 5000: how long a mutation waits for the read models. */
  readYourWritesTimeoutMs: number;
  /** `NODE_ENV=production`: masks errors, turns introspection off. */
  production: boolean;
  /** `CERTCYCLE_CORS_ORIGINS`: comma-separated origins whose browser pages may call the API. */
  corsOrigins: string[];
  /** Webhook delivery and deadline reminders (see docs/webhooks.md). */
  webhooks: WebhookConfig;
}

/** How this process delivers webhooks and scans for deadline reminders. */
export interface WebhookConfig {
  /**
   * `CERTCYCLE_WEBHOOKS`, default on; `0` (or `false`) turns the fan-out, the dispatcher and the
   * reminder scanner off in this process (run them in one process only when several serve the
   * API). Subscriptions can still be managed through the API.
   */
  enabled: boolean;
  /**
   * `CERTCYCLE_WEBHOOK_SECRET_KEY`: base64 of 32 bytes, the AES-256-GCM key that encrypts the
   * endpoints' signing secrets at rest. Unset: the key kept in `<data dir>/webhook-secret.key`
   * (created with permissions 0600 on first start) is used. Losing the key makes every stored
   * secret unusable: rotate each endpoint's secret then.
   */
  secretKey: Buffer | null;
  /** `CERTCYCLE_WEBHOOK_ALLOW_HTTP=1`: accept and call `http:` endpoints (default https only). */
  allowHttp: boolean;
  /**
   * `CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES`: comma-separated IP addresses or CIDR ranges that
   * endpoints may connect to although they are loopback, private or link-local (default none),
   * kept in canonical form (`FD00::1` → `fd00::1`, `0:0:0:0:0:0:0:1` → `::1`).
   */
  allowedAddresses: string[];
  /** `CERTCYCLE_REMINDER_SCAN_INTERVAL_MS`, default 3600000 (1 h): between reminder scans. */
  reminderScanIntervalMs: number;
}

export class ConfigError extends Error {
  override readonly name: string = 'ConfigError';
}

const oneOf = <T extends string>(name: string, value: string, allowed: readonly T[]): T => {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name}=${value} is not one of ${allowed.join(', ')}`);
  }
  return value as T;
};

const validTimeZone = (value: string): string => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new ConfigError(`CERTCYCLE_TIMEZONE=${value} is not an IANA time zone`);
  }
  return value;
};

const validNumberPattern = (pattern: string): string => {
  try {
    formatCertificateNumber(pattern, {
      sequence: 1,
      standard: { identifier: 'ISO 9001', version: '2015' },
      year: 2000,
    });
  } catch (error) {
    if (error instanceof InvalidCertificateNumberPatternError) {
      throw new ConfigError(`CERTCYCLE_CERTIFICATE_NUMBER_PATTERN: ${error.message}`);
    }
    throw error;
  }
  return pattern;
};

/** Node's longest timer (about 24.8 days): a longer one fires after 1 ms. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * A duration that a timer waits: 1 ms up to Node's longest timer, in decimal digits only
 * (`Number` alone would take `0x10`, `1e3` or ` 5 `).
 */
const timerMilliseconds = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number <= 0 || number > LONGEST_TIMER_MS) {
    throw new ConfigError(
      `${name}=${value} is not a whole number of milliseconds from 1 to ${LONGEST_TIMER_MS} ` +
        '(about 24.8 days) in decimal digits only',
    );
  }
  return number;
};

/** The reconnection waits, the first no longer than the longest. */
const reconnectBackoff = (env: NodeJS.ProcessEnv): ReconnectBackoff => {
  const initialMs = timerMilliseconds(
    'CERTCYCLE_RECONNECT_INITIAL_MS',
    env.CERTCYCLE_RECONNECT_INITIAL_MS,
    DEFAULT_RECONNECT_BACKOFF.initialMs,
  );
  const maxMs = timerMilliseconds(
    'CERTCYCLE_RECONNECT_MAX_MS',
    env.CERTCYCLE_RECONNECT_MAX_MS,
    Math.max(DEFAULT_RECONNECT_BACKOFF.maxMs, initialMs),
  );
  if (initialMs > maxMs) {
    throw new ConfigError(
      `CERTCYCLE_RECONNECT_INITIAL_MS=${initialMs} is longer than ` +
        `CERTCYCLE_RECONNECT_MAX_MS=${maxMs}: the first wait cannot exceed the longest`,
    );
  }
  return { initialMs, maxMs };
};

const flag = (name: string, value: string | undefined, fallback: boolean): boolean => {
  if (value === undefined || value === '') return fallback;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new ConfigError(`${name}=${value} is not 1, true, 0 or false`);
};

const webhookSecretKey = (value: string | undefined): Buffer | null => {
  if (value === undefined || value === '') return null;
  const key = Buffer.from(value, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || key.length !== 32) {
    throw new ConfigError('CERTCYCLE_WEBHOOK_SECRET_KEY is not the base64 of 32 bytes');
  }
  return key;
};

/** `2026-03-02T09:00:00Z`, with optional seconds, fraction and a `Z` or `±hh:mm` zone. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO instant with a zone whose date exists, whose time is on the clock (no 24:00) and whose
 * offset is one (up to ±23:59, which is what `Date` takes).
 */
const isIsoInstant = (value: string): boolean => {
  const match = ISO_INSTANT.exec(value);
  if (!match) return false;
  const [, date, hours, minutes, , seconds] = match;
  return (
    isCalendarDate(date) &&
    Number(hours) <= 23 &&
    Number(minutes) <= 59 &&
    (seconds === undefined || Number(seconds) <= 59) &&
    !Number.isNaN(Date.parse(value))
  );
};

/** The entries of a comma-separated setting, trimmed, empty ones dropped. */
const commaList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/** Exact origins (`https://dash.example.com`, `http://localhost:3000`): scheme, host, port. */
const corsOrigins = (value: string | undefined): string[] => {
  const entries = commaList(value);
  const bad = entries.filter((entry) => {
    try {
      const url = new URL(entry);
      return url.origin !== entry || !['http:', 'https:'].includes(url.protocol);
    } catch {
      return true;
    }
  });
  if (bad.length > 0) {
    throw new ConfigError(
      `CERTCYCLE_CORS_ORIGINS: ${bad.join(', ')} is not an origin (scheme://host[:port], no path)`,
    );
  }
  return entries;
};

/** IP addresses and CIDR ranges, in canonical form (`FD00::1` → `fd00::1`), as URLs write them. */
const allowedAddresses = (value: string | undefined): string[] => {
  const canonical: string[] = [];
  const bad: string[] = [];
  for (const entry of commaList(value)) {
    const entryCanonical = canonicalAddressEntry(entry);
    if (entryCanonical === null) bad.push(entry);
    else canonical.push(entryCanonical);
  }
  if (bad.length > 0) {
    throw new ConfigError(
      `CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES: ${bad.join(', ')} is not an IP address or CIDR range`,
    );
  }
  return canonical;
};

const loadWebhookConfig = (env: NodeJS.ProcessEnv): WebhookConfig => ({
  enabled: flag('CERTCYCLE_WEBHOOKS', env.CERTCYCLE_WEBHOOKS, true),
  secretKey: webhookSecretKey(env.CERTCYCLE_WEBHOOK_SECRET_KEY),
  allowHttp: flag('CERTCYCLE_WEBHOOK_ALLOW_HTTP', env.CERTCYCLE_WEBHOOK_ALLOW_HTTP, false),
  allowedAddresses: allowedAddresses(env.CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES),
  reminderScanIntervalMs: timerMilliseconds(
    'CERTCYCLE_REMINDER_SCAN_INTERVAL_MS',
    env.CERTCYCLE_REMINDER_SCAN_INTERVAL_MS,
    3_600_000,
  ),
});

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const portText = env.PORT || '4000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new ConfigError(
      `PORT=${env.PORT} is not a port number: 0 to 65535 in decimal digits (0 picks a free port)`,
    );
  }
  const eventStore = oneOf('CERTCYCLE_EVENT_STORE', env.CERTCYCLE_EVENT_STORE || 'sqlite', [
    'sqlite',
    'eventstoredb',
  ] as const);
  const eventStoreConnectionString = env.EVENTSTORE_CONNECTION_STRING || null;
  if (eventStore === 'eventstoredb' && !eventStoreConnectionString) {
    throw new ConfigError('CERTCYCLE_EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
  }
  const fixedNow = env.CERTCYCLE_NOW || null;
  if (fixedNow !== null && !isIsoInstant(fixedNow)) {
    throw new ConfigError(
      `CERTCYCLE_NOW=${fixedNow} is not an ISO date-time with a zone (e.g. 2026-03-02T09:00:00Z)`,
    );
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.CERTCYCLE_DATA_DIR || 'data'),
    eventStore,
    eventStoreConnectionString,
    reconnectBackoff: reconnectBackoff(env),
    timeZone: validTimeZone(env.CERTCYCLE_TIMEZONE || 'UTC'),
    fixedNow,
    policyProfile: oneOf(
      'CERTCYCLE_POLICY_PROFILE',
      env.CERTCYCLE_POLICY_PROFILE || 'ISO_17021',
      Object.keys(POLICY_PROFILES) as PolicyProfile[],
    ),
    autoSuspendOnMissedSurveillance: flag(
      'CERTCYCLE_AUTO_SUSPEND_MISSED_SURVEILLANCE',
      env.CERTCYCLE_AUTO_SUSPEND_MISSED_SURVEILLANCE,
      false,
    ),
    escalateOverdueMinor: flag(
      'CERTCYCLE_ESCALATE_OVERDUE_MINOR',
      env.CERTCYCLE_ESCALATE_OVERDUE_MINOR,
      false,
    ),
    adminApiKey: env.CERTCYCLE_ADMIN_API_KEY || null,
    demo: flag('CERTCYCLE_DEMO', env.CERTCYCLE_DEMO, false),
    production: env.NODE_ENV === 'production',
    corsOrigins: corsOrigins(env.CERTCYCLE_CORS_ORIGINS),
    certificationBodyName: env.CERTCYCLE_CB_NAME?.trim() || 'Example Certification Body',
    certificateNumberPattern: validNumberPattern(
      env.CERTCYCLE_CERTIFICATE_NUMBER_PATTERN || 'CN-{standardNumber}-{sequence:5}',
    ),
    readYourWritesTimeoutMs: timerMilliseconds(
      'CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS',
      env.CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS,
      5000,
    ),
    webhooks: loadWebhookConfig(env),
  };
};
