import path from 'node:path';
import { policyFor } from '../../src/composition';
import { ConfigError, loadConfig } from '../../src/config';
import { POLICY_PROFILES } from '../../src/domain';

describe('composition settings', () => {
  it('has defaults for the CB name, the number pattern and the read-your-writes bound', () => {
    expect(loadConfig({})).toMatchObject({
      certificationBodyName: 'Example Certification Body',
      certificateNumberPattern: 'CN-{standardNumber}-{sequence:5}',
      readYourWritesTimeoutMs: 5000,
    });
  });

  it('reads them from the environment', () => {
    expect(
      loadConfig({
        CERTCYCLE_CB_NAME: ' Nordic Certification AS ',
        CERTCYCLE_CERTIFICATE_NUMBER_PATTERN: 'NC-{yy}-{sequence:4}',
        CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS: '1500',
      }),
    ).toMatchObject({
      certificationBodyName: 'Nordic Certification AS',
      certificateNumberPattern: 'NC-{yy}-{sequence:4}',
      readYourWritesTimeoutMs: 1500,
    });
  });

  it('refuses a number pattern without a sequence or with an unknown placeholder', () => {
    expect(() => loadConfig({ CERTCYCLE_CERTIFICATE_NUMBER_PATTERN: 'CN-{year}' })).toThrow(
      new ConfigError(
        'CERTCYCLE_CERTIFICATE_NUMBER_PATTERN: certificate number pattern "CN-{year}" has no {sequence} placeholder',
      ),
    );
    expect(() =>
      loadConfig({ CERTCYCLE_CERTIFICATE_NUMBER_PATTERN: 'CN-{site}-{sequence}' }),
    ).toThrow(/unknown placeholder \{site\}/);
  });

  it('refuses a malformed sequence placeholder, saying what one takes', () => {
    expect(() => loadConfig({ CERTCYCLE_CERTIFICATE_NUMBER_PATTERN: 'CN-{sequence:abc}' })).toThrow(
      new ConfigError(
        'CERTCYCLE_CERTIFICATE_NUMBER_PATTERN: certificate number pattern "CN-{sequence:abc}" has ' +
          '{sequence:abc}, which is not a sequence placeholder: use {sequence}, or {sequence:N} to ' +
          'pad the sequence with zeros to N digits, N being 1 or 2 digits (as in {sequence:5})',
      ),
    );
  });

  it.each([
    ['CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS', '0'],
    ['CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS', '-5'],
    ['CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS', '1.5'],
    ['CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS', 'soon'],
    ['CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS', '2147483648'],
    ['CERTCYCLE_REMINDER_SCAN_INTERVAL_MS', '3000000000'],
  ])('refuses %s=%s: a timer waits 1 ms to about 24.8 days', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      new ConfigError(
        `${name}=${value} is not a whole number of milliseconds from 1 to 2147483647 ` +
          '(about 24.8 days) in decimal digits only',
      ),
    );
  });

  it.each(['0x10', '1e3', '0b11', '0o17', ' 500', '500 ', '+500', '1_000', '500.0'])(
    'refuses a timer written other than in decimal digits: %j',
    (value) => {
      for (const name of [
        'CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS',
        'CERTCYCLE_REMINDER_SCAN_INTERVAL_MS',
        'CERTCYCLE_RECONNECT_INITIAL_MS',
        'CERTCYCLE_RECONNECT_MAX_MS',
      ]) {
        expect(() => loadConfig({ [name]: value })).toThrow(
          new ConfigError(
            `${name}=${value} is not a whole number of milliseconds from 1 to 2147483647 ` +
              '(about 24.8 days) in decimal digits only',
          ),
        );
      }
    },
  );

  it('waits 0.5 s before reconnecting to the event store, doubling up to 30 s, by default', () => {
    expect(loadConfig({}).reconnectBackoff).toEqual({ initialMs: 500, maxMs: 30_000 });
    expect(
      loadConfig({ CERTCYCLE_RECONNECT_INITIAL_MS: '', CERTCYCLE_RECONNECT_MAX_MS: '' }),
    ).toMatchObject({ reconnectBackoff: { initialMs: 500, maxMs: 30_000 } });
  });

  it('reads the reconnection waits from the environment', () => {
    expect(
      loadConfig({ CERTCYCLE_RECONNECT_INITIAL_MS: '250', CERTCYCLE_RECONNECT_MAX_MS: '120000' })
        .reconnectBackoff,
    ).toEqual({ initialMs: 250, maxMs: 120_000 });
    expect(loadConfig({ CERTCYCLE_RECONNECT_MAX_MS: '5000' }).reconnectBackoff).toEqual({
      initialMs: 500,
      maxMs: 5000,
    });
    expect(loadConfig({ CERTCYCLE_RECONNECT_INITIAL_MS: '60000' }).reconnectBackoff).toEqual({
      initialMs: 60_000,
      maxMs: 60_000,
    });
  });

  it.each([
    [{ CERTCYCLE_RECONNECT_INITIAL_MS: '0' }, 'CERTCYCLE_RECONNECT_INITIAL_MS=0 is not a whole'],
    [{ CERTCYCLE_RECONNECT_MAX_MS: '2147483648' }, 'CERTCYCLE_RECONNECT_MAX_MS=2147483648 is not'],
    [
      { CERTCYCLE_RECONNECT_INITIAL_MS: '5000', CERTCYCLE_RECONNECT_MAX_MS: '1000' },
      'CERTCYCLE_RECONNECT_INITIAL_MS=5000 is longer than CERTCYCLE_RECONNECT_MAX_MS=1000: ' +
        'the first wait cannot exceed the longest',
    ],
  ])('refuses the reconnection waits %j', (env, problem) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(problem);
  });

  it('accepts the longest timer', () => {
    expect(
      loadConfig({ CERTCYCLE_REMINDER_SCAN_INTERVAL_MS: '2147483647' }).webhooks
        .reminderScanIntervalMs,
    ).toBe(2147483647);
  });

  it.each([
    '1',
    'March 2, 2026',
    '2026-03-02',
    '2026-03-02T09:00:00',
    '2026-02-30T00:00:00Z',
    '2026-04-31T09:00:00Z',
    '2026-03-02T24:00:00Z',
    '2026-03-02T09:60:00Z',
    '2026-03-02T09:00:00+24:00',
    '2026-03-02T09:00:00+12:60',
    '2026-03-02T09:00:00+99:00',
  ])('refuses CERTCYCLE_NOW=%s: an instant needs its date, time and zone', (value) => {
    expect(() => loadConfig({ CERTCYCLE_NOW: value })).toThrow(
      new ConfigError(
        `CERTCYCLE_NOW=${value} is not an ISO date-time with a zone (e.g. 2026-03-02T09:00:00Z)`,
      ),
    );
  });

  it.each([
    '2026-03-02T09:00:00Z',
    '2026-03-02T09:00Z',
    '2026-03-02T17:00:00.000+08:00',
    '2026-03-02T09:00:00-23:59',
  ])('accepts CERTCYCLE_NOW=%s', (value) => {
    expect(loadConfig({ CERTCYCLE_NOW: value }).fixedNow).toBe(value);
  });

  it('reads an empty HOST or CERTCYCLE_DATA_DIR as unset: 127.0.0.1 and ./data', () => {
    expect(loadConfig({ HOST: '', CERTCYCLE_DATA_DIR: '' })).toMatchObject({
      host: '127.0.0.1',
      dataDir: path.resolve('data'),
    });
  });

  it('reads an empty CERTCYCLE_EVENT_STORE, CERTCYCLE_TIMEZONE or CERTCYCLE_POLICY_PROFILE as unset', () => {
    expect(
      loadConfig({
        CERTCYCLE_EVENT_STORE: '',
        CERTCYCLE_TIMEZONE: '',
        CERTCYCLE_POLICY_PROFILE: '',
      }),
    ).toMatchObject({ eventStore: 'sqlite', timeZone: 'UTC', policyProfile: 'ISO_17021' });
  });

  it('reads the CORS origins, none by default', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(
      loadConfig({
        CERTCYCLE_CORS_ORIGINS: 'https://dash.example.com, http://localhost:3000',
      }).corsOrigins,
    ).toEqual(['https://dash.example.com', 'http://localhost:3000']);
  });

  it.each([
    '*',
    'dash.example.com',
    'https://dash.example.com/',
    'https://dash.example.com/app',
    'ftp://x.example',
  ])('refuses the CORS origin %s', (origin) => {
    expect(() => loadConfig({ CERTCYCLE_CORS_ORIGINS: origin })).toThrow(
      `CERTCYCLE_CORS_ORIGINS: ${origin} is not an origin`,
    );
  });

  it('reads an empty PORT as unset and refuses one that is not a port number', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(4000);
    for (const value of ['abc', '-1', '1.5', '70000', '0x50', '8e1', ' 80']) {
      expect(() => loadConfig({ PORT: value })).toThrow(
        new ConfigError(
          `PORT=${value} is not a port number: 0 to 65535 in decimal digits (0 picks a free port)`,
        ),
      );
    }
  });

  it('reads CERTCYCLE_DEMO like the other switches, refusing what it does not know', () => {
    expect(loadConfig({ CERTCYCLE_DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({ CERTCYCLE_DEMO: '0' }).demo).toBe(false);
    expect(() => loadConfig({ CERTCYCLE_DEMO: 'yes' })).toThrow(
      new ConfigError('CERTCYCLE_DEMO=yes is not 1, true, 0 or false'),
    );
  });

  it('turns automatic suspension for a missed surveillance on in the policy new applications record', () => {
    expect(loadConfig({}).autoSuspendOnMissedSurveillance).toBe(false);
    const on = loadConfig({
      CERTCYCLE_AUTO_SUSPEND_MISSED_SURVEILLANCE: '1',
      CERTCYCLE_POLICY_PROFILE: 'CN_CNCA',
    });
    expect(policyFor(on)).toEqual({
      ...POLICY_PROFILES.CN_CNCA,
      autoSuspendOnMissedSurveillance: true,
    });
    expect(policyFor(loadConfig({}))).toEqual(POLICY_PROFILES.ISO_17021);
    expect(() => loadConfig({ CERTCYCLE_AUTO_SUSPEND_MISSED_SURVEILLANCE: 'on' })).toThrow(
      new ConfigError('CERTCYCLE_AUTO_SUSPEND_MISSED_SURVEILLANCE=on is not 1, true, 0 or false'),
    );
  });

  it('turns the escalation of overdue minor nonconformities on in the policy new applications record', () => {
    expect(loadConfig({}).escalateOverdueMinor).toBe(false);
    expect(policyFor(loadConfig({ CERTCYCLE_ESCALATE_OVERDUE_MINOR: 'true' }))).toEqual({
      ...POLICY_PROFILES.ISO_17021,
      escalateOverdueMinor: true,
    });
    expect(() => loadConfig({ CERTCYCLE_ESCALATE_OVERDUE_MINOR: 'yes' })).toThrow(
      new ConfigError('CERTCYCLE_ESCALATE_OVERDUE_MINOR=yes is not 1, true, 0 or false'),
    );
  });
});
