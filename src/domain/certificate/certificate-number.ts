import { DomainError } from '../errors';
import type { StandardReference } from '../standards';

export class InvalidCertificateNumberPatternError extends DomainError {
  override readonly name = 'InvalidCertificateNumberPatternError';
  constructor(pattern: string, problem: string) {
    super('CERTIFICATE_NUMBER_PATTERN', `certificate number pattern "${pattern}" ${problem}`);
  }
}

export interface CertificateNumberParts {
  /** Allocated by the application layer, unique per pattern. */
  sequence: number;
  standard: StandardReference;
  year: number;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

const standardNumber = ({ identifier }: StandardReference): string =>
  /\d+/.exec(identifier)?.[0] ?? identifier;

const replacement = (pattern: string, name: string, parts: CertificateNumberParts): string => {
  const sequence = /^sequence(?::(\d{1,2}))?$/.exec(name);
  if (sequence) return String(parts.sequence).padStart(Number(sequence[1] ?? 0), '0');
  if (name.startsWith('sequence:')) {
    throw new InvalidCertificateNumberPatternError(
      pattern,
      `has {${name}}, which is not a sequence placeholder: use {sequence}, or {sequence:N} to ` +
        'pad the sequence with zeros to N digits, N being 1 or 2 digits (as in {sequence:5})',
    );
  }
  switch (name) {
    case 'standardNumber':
      return standardNumber(parts.standard);
    case 'standardVersion':
      return parts.standard.version;
    case 'year':
      return String(parts.year);
    case 'yy':
      return String(parts.year % 100).padStart(2, '0');
    default:
      throw new InvalidCertificateNumberPatternError(
        pattern,
        `has an unknown placeholder {${name}}`,
      );
  }
};

/**
 * Formats a certificate number. Pattern syntax: literal text plus placeholders
 * `{sequence}` (or `{sequence:N}`, zero-padded to at least N digits, N of one or two digits),
 * `{standardNumber}` (the first digits of the identifier: `20000` for ISO/IEC 20000-1),
 * `{standardVersion}` (`2018`), `{year}` (`2024`) and `{yy}` (`24`). `CN-{standardNumber}-{sequence:5}` gives `CN-20000-00042`.
 * The pattern must contain a sequence placeholder; braces are reserved for placeholders.
 */
export const formatCertificateNumber = (pattern: string, parts: CertificateNumberParts): string => {
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1) {
    throw new InvalidCertificateNumberPatternError(
      pattern,
      `needs a positive whole sequence, got ${parts.sequence}`,
    );
  }
  const number = pattern.replace(PLACEHOLDER, (_match, name: string) =>
    replacement(pattern, name, parts),
  );
  if (!/\{sequence(:\d{1,2})?\}/.test(pattern)) {
    throw new InvalidCertificateNumberPatternError(pattern, 'has no {sequence} placeholder');
  }
  if (/[{}]/.test(number)) {
    throw new InvalidCertificateNumberPatternError(pattern, 'has an unbalanced brace');
  }
  if (number.trim() !== number || number.includes('/')) {
    throw new InvalidCertificateNumberPatternError(
      pattern,
      'must not contain "/" (reserved for the revision suffix) or surrounding spaces',
    );
  }
  return number;
};

/** `CN-20000-00042` for revision 1, `CN-20000-00042/R2` for revision 2, and so on. */
export const certificateNumberWithRevision = (number: string, revision: number): string =>
  revision <= 1 ? number : `${number}/R${revision}`;
