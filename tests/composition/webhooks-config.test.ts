import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../../src/config';
import { startCertcycle, webhookSecretKey, webhookSecretKeyFile } from '../../src/composition';
import { temporaryDirectory } from '../eventstore/temp-store';

describe('webhook settings', () => {
  it('defaults to delivery on, https only, no allowed private address, hourly scans', () => {
    expect(loadConfig({}).webhooks).toEqual({
      enabled: true,
      secretKey: null,
      allowHttp: false,
      allowedAddresses: [],
      reminderScanIntervalMs: 3_600_000,
    });
  });

  it('reads the key, the http switch, the allow-list, the interval and the off switch', () => {
    const key = randomBytes(32);
    expect(
      loadConfig({
        CERTCYCLE_WEBHOOKS: '0',
        CERTCYCLE_WEBHOOK_SECRET_KEY: key.toString('base64'),
        CERTCYCLE_WEBHOOK_ALLOW_HTTP: 'true',
        CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8',
        CERTCYCLE_REMINDER_SCAN_INTERVAL_MS: '60000',
      }).webhooks,
    ).toEqual({
      enabled: false,
      secretKey: key,
      allowHttp: true,
      allowedAddresses: ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'],
      reminderScanIntervalMs: 60_000,
    });
  });

  it('keeps the allowed addresses and ranges in canonical form, as URLs write them', () => {
    expect(
      loadConfig({
        CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES:
          'FD00::1, 0:0:0:0:0:0:0:1, ::FFFF:127.0.0.1, 0:0:0:0:0:0:0:0, FD00:0:0:0::/08, 10.0.0.0/08',
      }).webhooks.allowedAddresses,
    ).toEqual(['fd00::1', '::1', '::ffff:7f00:1', '::', 'fd00::/8', '10.0.0.0/8']);
  });

  it.each([
    ['127.000.000.001', 'leading zeros, which some parsers read as octal'],
    ['010.0.0.1/8', 'leading zeros in a range'],
    ['127.1', 'an abbreviated IPv4 address'],
    ['::127.0.0.1', 'the IPv4-compatible form, which ipaddr.js reads as ::ffff:127.0.0.1'],
  ])('refuses the allowed address %s (%s)', (entry) => {
    expect(() => loadConfig({ CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES: `127.0.0.1,${entry}` })).toThrow(
      new ConfigError(
        `CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES: ${entry} is not an IP address or CIDR range`,
      ),
    );
  });

  it.each([
    ['CERTCYCLE_WEBHOOK_SECRET_KEY', randomBytes(16).toString('base64')],
    ['CERTCYCLE_WEBHOOK_SECRET_KEY', 'not base64 at all!'],
    ['CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES', '127.0.0.1,localhost'],
    ['CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES', '127.0.0.1/33'],
    ['CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES', '10.0.0.0/99'],
    ['CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES', '300.1.1.1'],
    ['CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES', 'fd00::/129'],
    ['CERTCYCLE_WEBHOOK_ALLOWED_ADDRESSES', '10.0.0.0/8/8'],
    ['CERTCYCLE_WEBHOOK_ALLOW_HTTP', 'yes'],
    ['CERTCYCLE_WEBHOOKS', 'off'],
    ['CERTCYCLE_REMINDER_SCAN_INTERVAL_MS', '0'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('uses the configured key without writing a key file', () => {
    const dir = temporaryDirectory('webhook-key');
    try {
      const key = randomBytes(32);
      const config = loadConfig({
        CERTCYCLE_DATA_DIR: dir.path,
        CERTCYCLE_WEBHOOK_SECRET_KEY: key.toString('base64'),
      });
      expect(webhookSecretKey(config, () => undefined)).toEqual(key);
      expect(existsSync(webhookSecretKeyFile(config))).toBe(false);
    } finally {
      dir.remove();
    }
  });

  it('refuses a key file that does not hold a key before it opens or makes a store', async () => {
    const dir = temporaryDirectory('webhook-key');
    try {
      const config = loadConfig({ CERTCYCLE_DATA_DIR: dir.path, PORT: '0' });
      writeFileSync(webhookSecretKeyFile(config), 'not a key\n', { mode: 0o600 });
      const starting = startCertcycle(config, { log: () => undefined });
      await expect(starting).rejects.toThrow(ConfigError);
      await expect(starting).rejects.toThrow(
        `${webhookSecretKeyFile(config)} does not hold the base64 of 32 bytes`,
      );
      expect(readdirSync(dir.path)).toEqual(['webhook-secret.key']);
    } finally {
      dir.remove();
    }
  });

  it('generates the key once and keeps using it, logging the file but not the key', () => {
    const dir = temporaryDirectory('webhook-key');
    try {
      const config = loadConfig({ CERTCYCLE_DATA_DIR: dir.path });
      const lines: string[] = [];
      const first = webhookSecretKey(config, (line) => lines.push(line));
      const second = webhookSecretKey(config, (line) => lines.push(line));
      expect(first).toHaveLength(32);
      expect(second).toEqual(first);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(webhookSecretKeyFile(config));
      expect(lines[0]).not.toContain(first.toString('base64'));
    } finally {
      dir.remove();
    }
  });
});
