import { ConfigError, loadConfig } from '../../src/config';

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

  it.each(['0', '-5', '1.5', 'soon'])('refuses a read-your-writes timeout of %s', (value) => {
    expect(() => loadConfig({ CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS: value })).toThrow(
      new ConfigError(
        `CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS=${value} is not a whole number above 0`,
      ),
    );
  });
});
