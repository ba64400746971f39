import {
  certificateNumberWithRevision,
  formatCertificateNumber,
  InvalidCertificateNumberPatternError,
} from '../../../src/domain';
import { SMS_2018 } from './certificate-fixtures';

const parts = { sequence: 42, standard: SMS_2018, year: 2024 };

describe('formatCertificateNumber', () => {
  it('formats the standard number and a zero-padded sequence', () => {
    expect(formatCertificateNumber('CN-{standardNumber}-{sequence:5}', parts)).toBe(
      'CN-20000-00042',
    );
  });

  it('formats version, year and two-digit year', () => {
    expect(
      formatCertificateNumber('{yy}{standardNumber}:{standardVersion}-{year}-{sequence}', parts),
    ).toBe('2420000:2018-2024-42');
  });

  it('keeps a sequence longer than its padding whole', () => {
    expect(formatCertificateNumber('Q-{sequence:3}', { ...parts, sequence: 123456 })).toBe(
      'Q-123456',
    );
  });

  it.each([
    ['CN-{standardNumber}', /has no \{sequence\} placeholder/],
    ['CN-{sequence}-{colour}', /unknown placeholder \{colour\}/],
    ['CN-{sequence}-}', /unbalanced brace/],
    ['CN/{sequence}', /must not contain "\/"/],
  ])('refuses the pattern %s', (pattern, message) => {
    expect(() => formatCertificateNumber(pattern, parts)).toThrow(
      InvalidCertificateNumberPatternError,
    );
    expect(() => formatCertificateNumber(pattern, parts)).toThrow(message);
  });

  it.each([
    ['CN-{sequence:abc}', '{sequence:abc}'],
    ['CN-{sequence:}', '{sequence:}'],
    ['CN-{sequence:123}', '{sequence:123}'],
    ['CN-{sequence}-{sequence:x}', '{sequence:x}'],
  ])(
    'says what a sequence placeholder takes, for the malformed one in %s',
    (pattern, malformed) => {
      expect(() => formatCertificateNumber(pattern, parts)).toThrow(
        `certificate number pattern "${pattern}" has ${malformed}, which is not a sequence ` +
          'placeholder: use {sequence}, or {sequence:N} to pad the sequence with zeros to N ' +
          'digits, N being 1 or 2 digits (as in {sequence:5})',
      );
    },
  );

  it.each([0, -1, 1.5])('refuses the sequence %s', (sequence) => {
    expect(() => formatCertificateNumber('{sequence}', { ...parts, sequence })).toThrow(
      /positive whole sequence/,
    );
  });
});

describe('certificateNumberWithRevision', () => {
  it('leaves revision 1 bare and suffixes later revisions', () => {
    expect(certificateNumberWithRevision('CN-20000-00042', 1)).toBe('CN-20000-00042');
    expect(certificateNumberWithRevision('CN-20000-00042', 2)).toBe('CN-20000-00042/R2');
    expect(certificateNumberWithRevision('CN-20000-00042', 11)).toBe('CN-20000-00042/R11');
  });
});
