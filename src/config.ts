import path from 'node:path';
import {
  formatCertificateNumber,
  InvalidCertificateNumberPatternError,
  POLICY_PROFILES,
  type PolicyProfile,
} from './domain';

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
  /** `CERTCYCLE_TIMEZONE`, IANA name, default UTC: the CB's calendar day. */
  timeZone: string;
  /** `CERTCYCLE_NOW`, an ISO instant that fixes the clock (demos, tests); unset = system clock. */
  fixedNow: string | null;
  /** `CERTCYCLE_POLICY_PROFILE`, `ISO_17021` (default) or `CN_CNCA`. */
  policyProfile: PolicyProfile;
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
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
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

const positiveWholeNumber = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new ConfigError(`${name}=${value} is not a whole number above 0`);
  }
  return number;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT=${env.PORT} is not a port number`);
  }
  const eventStore = oneOf('CERTCYCLE_EVENT_STORE', env.CERTCYCLE_EVENT_STORE ?? 'sqlite', [
    'sqlite',
    'eventstoredb',
  ] as const);
  const eventStoreConnectionString = env.EVENTSTORE_CONNECTION_STRING || null;
  if (eventStore === 'eventstoredb' && !eventStoreConnectionString) {
    throw new ConfigError('CERTCYCLE_EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
  }
  const fixedNow = env.CERTCYCLE_NOW || null;
  if (fixedNow !== null && Number.isNaN(Date.parse(fixedNow))) {
    throw new ConfigError(`CERTCYCLE_NOW=${fixedNow} is not an ISO date-time`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.CERTCYCLE_DATA_DIR ?? 'data'),
    eventStore,
    eventStoreConnectionString,
    timeZone: validTimeZone(env.CERTCYCLE_TIMEZONE ?? 'UTC'),
    fixedNow,
    policyProfile: oneOf(
      'CERTCYCLE_POLICY_PROFILE',
      env.CERTCYCLE_POLICY_PROFILE ?? 'ISO_17021',
      Object.keys(POLICY_PROFILES) as PolicyProfile[],
    ),
    adminApiKey: env.CERTCYCLE_ADMIN_API_KEY || null,
    demo: env.CERTCYCLE_DEMO === '1' || env.CERTCYCLE_DEMO === 'true',
    production: env.NODE_ENV === 'production',
    certificationBodyName: env.CERTCYCLE_CB_NAME?.trim() || 'Example Certification Body',
    certificateNumberPattern: validNumberPattern(
      env.CERTCYCLE_CERTIFICATE_NUMBER_PATTERN || 'CN-{standardNumber}-{sequence:5}',
    ),
    readYourWritesTimeoutMs: positiveWholeNumber(
      'CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS',
      env.CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS,
      5000,
    ),
  };
};
