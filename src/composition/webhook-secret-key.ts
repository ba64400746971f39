import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError } from '../config';
import { processUser } from './storage';

/** Where the generated webhook secret key is kept when `CERTCYCLE_WEBHOOK_SECRET_KEY` is unset. */
export const webhookSecretKeyFile = ({ dataDir }: Pick<Config, 'dataDir'>): string =>
  path.join(dataDir, 'webhook-secret.key');

const isAlreadyThere = (error: unknown): boolean =>
  (error as NodeJS.ErrnoException | null)?.code === 'EEXIST';

/**
 * The key that encrypts the endpoints' signing secrets: `CERTCYCLE_WEBHOOK_SECRET_KEY`, else the
 * key file in the data directory, created (mode 0600) with a random key on first use. The key
 * itself is never logged.
 */
export const webhookSecretKey = (
  config: Pick<Config, 'dataDir' | 'webhooks'>,
  log: (line: string) => void,
): Buffer => {
  if (config.webhooks.secretKey) return config.webhooks.secretKey;
  const file = webhookSecretKeyFile(config);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    log(
      `certcycle: generated the webhook secret key in ${file} (mode 0600); keep it with the data, or set CERTCYCLE_WEBHOOK_SECRET_KEY`,
    );
  } catch (error) {
    if (!isAlreadyThere(error)) throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    log(`certcycle: warning: ${file} is readable by other users; chmod 600 it`);
  }
  return keyIn(file);
};

const keyIn = (file: string): Buffer => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EACCES') throw error;
    throw new ConfigError(
      `${file} cannot be read by this process (${processUser()}): run it as the file's owner ` +
        `or let ${processUser()} read it`,
    );
  }
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length !== 32) {
    throw new ConfigError(`${file} does not hold the base64 of 32 bytes`);
  }
  return key;
};

/**
 * Refuses a key file that does not hold a key (when no key is configured) before the start opens
 * or makes a store; `webhookSecretKey` makes a missing one later.
 */
export const checkWebhookSecretKeyFile = (config: Pick<Config, 'dataDir' | 'webhooks'>): void => {
  const file = webhookSecretKeyFile(config);
  if (!config.webhooks.secretKey && existsSync(file)) keyIn(file);
};

/**
 * One warning line at start for the endpoints whose signing secret another key sealed (a changed
 * CERTCYCLE_WEBHOOK_SECRET_KEY, or a data directory moved without its key file): otherwise only
 * their failed deliveries would tell.
 */
export const warnOfUnreadableSecrets = (
  subscriptionIds: readonly string[],
  log: (line: string) => void,
): void => {
  if (subscriptionIds.length === 0) return;
  log(
    `certcycle: warning: the signing secret of ${subscriptionIds.length} webhook endpoint(s) ` +
      `(${subscriptionIds.join(', ')}) does not open with this CERTCYCLE_WEBHOOK_SECRET_KEY: ` +
      'their deliveries fail until the key that sealed them is set again, or their secrets are rotated',
  );
};
