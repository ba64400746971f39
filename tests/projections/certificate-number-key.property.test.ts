import fc from 'fast-check';
import { formatCertificateNumber, STANDARDS, type StandardReference } from '../../src/domain';
import {
  certificateNumberKey,
  certificateNumberParts,
  findCertificateByNumber,
  verifyCertificate,
} from '../../src/projections';
import { temporaryDirectory } from '../eventstore/temp-store';
import { d, ISMS_2022, Lifecycle, openReadSide, SMS_2018 } from './lifecycle-fixture';

/** What people type between a number's parts, or for its separators: nothing is one of them. */
const SEPARATORS = [
  '',
  '-',
  ' ',
  '  ',
  '\u00a0',
  '\u3000',
  '\u2010',
  '\u2011',
  '\u2013',
  '\u2014',
  '\u2212',
  '\ufe63',
  '\uff0d',
  '.',
  '\uff0e',
  '_',
  '\uff3f',
];

const separator = fc.constantFrom(...SEPARATORS);
const fullWidth = (char: string): string => String.fromCharCode(char.charCodeAt(0) + 0xfee0);

/** A character as typed: in either case, or full width (letters and digits). */
const typedCharacter = (char: string): fc.Arbitrary<string> =>
  /[a-z0-9]/i.test(char)
    ? fc.constantFrom(char.toLowerCase(), char.toUpperCase(), fullWidth(char))
    : fc.constant(char);

/**
 * The printed number as someone may type it: any case or width, its hyphens, spaces, dots and
 * underscores replaced by any separator or none, separators added between any two characters, white space around it,
 * and the suffix of `revision` or none.
 */
const typedVariant = (printed: string, revision: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.tuple(
        ...[...printed].map((char) =>
          /[- ._]/.test(char)
            ? separator
            : fc
                .tuple(typedCharacter(char), fc.oneof(fc.constant(''), separator))
                .map(([typed, after]) => typed + after),
        ),
      ),
      fc.constantFrom('', ' ', '\u00a0', ' \r\n'),
      fc.constantFrom(
        '',
        `/R${revision}`,
        ` / r${revision}`,
        `/r${revision}`,
        `\uff0f\uff32${[...String(revision)].map(fullWidth).join('')}`,
      ),
    )
    .map(([characters, around, suffix]) => `${around}${characters.join('')}${suffix}${around}`);

const PATTERNS = [
  'CN-{standardNumber}-{sequence:5}',
  'cb-{standardNumber}-{sequence:5}',
  '{standardNumber}-{sequence}',
  'CB {yy} {sequence:4} {standardNumber}',
  '{year}-{sequence}-{standardVersion}',
  'QMS-{standardNumber}-{yy}-{sequence:3}',
  'CB.{yy}.{sequence:4}.{standardNumber}',
  'QMS_{year}_{sequence:5}',
];

const standard = fc
  .constantFrom(...STANDARDS)
  .map(({ identifier, version }): StandardReference => ({ identifier, version }));

const numberUnder = (pattern: string, sequence: number) =>
  fc
    .tuple(standard, fc.integer({ min: 1900, max: 2999 }))
    .map(([reference, year]) =>
      formatCertificateNumber(pattern, { sequence, standard: reference, year }),
    );

const sequence = fc.integer({ min: 1, max: 9_999_999 });

/** A number a pattern printed, and that number as someone may type it. */
const typedNumber = fc
  .tuple(fc.constantFrom(...PATTERNS), sequence, fc.integer({ min: 1, max: 99 }))
  .chain(([pattern, printedSequence, revision]) =>
    numberUnder(pattern, printedSequence).chain((printed) =>
      typedVariant(printed, revision).map((typed) => ({ printed, typed })),
    ),
  );

/** The numbers one pattern printed for two sequences, with any standards and years. */
const twoNumbers = fc
  .tuple(fc.constantFrom(...PATTERNS), sequence, sequence)
  .filter(([, first, second]) => first !== second)
  .chain(([pattern, first, second]) =>
    fc.tuple(numberUnder(pattern, first), numberUnder(pattern, second)),
  );

describe('the key of a certificate number', () => {
  it('is the same for any case, width and separators the number is typed with', () => {
    fc.assert(
      fc.property(typedNumber, ({ printed, typed }) => {
        expect(certificateNumberParts(typed).key).toBe(certificateNumberKey(printed));
      }),
      { numRuns: 500 },
    );
  });

  it('differs between the numbers a pattern prints for two sequences', () => {
    fc.assert(
      fc.property(twoNumbers, ([first, second]) => {
        expect(certificateNumberKey(first)).not.toBe(certificateNumberKey(second));
      }),
      { numRuns: 1000 },
    );
  });
});

/** A number as typed with the revision its suffix, if it has one, names. */
const typedWithRevision = fc
  .tuple(fc.constantFrom(...PATTERNS), sequence, fc.integer({ min: 1, max: 99 }))
  .chain(([pattern, printedSequence, revision]) =>
    numberUnder(pattern, printedSequence).chain((printed) =>
      typedVariant(printed, revision).map((typed) => ({
        printed,
        typed,
        revision: /[/\uff0f]/.test(typed) ? revision : null,
      })),
    ),
  );

describe('the revision a number as typed names', () => {
  it('is its suffix, also when full stops and white space end the sentence after it', () => {
    fc.assert(
      fc.property(
        typedWithRevision,
        fc.stringMatching(/^[ .\u00a0\uff0e]{0,4}$/),
        ({ printed, typed, revision }, ending) => {
          expect(certificateNumberParts(`${typed}${ending}`)).toMatchObject({
            key: certificateNumberKey(printed),
            revision,
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a lookup by a number as typed, in a store of certificates numbered alike', () => {
  const dir = temporaryDirectory('certificate-number-key-property');
  const ISSUED = [
    { certificateId: 'cert-1', standard: SMS_2018, sequence: 1, number: 'CN-20000-00001' },
    { certificateId: 'cert-10', standard: SMS_2018, sequence: 10, number: 'CN-20000-00010' },
    { certificateId: 'cert-100', standard: ISMS_2022, sequence: 100, number: 'CN-27001-00100' },
    { certificateId: 'cert-10000', standard: SMS_2018, sequence: 10_000, number: 'CN-20000-10000' },
    {
      certificateId: 'cert-100000',
      standard: SMS_2018,
      sequence: 100_000,
      number: 'CN-20000-100000',
    },
  ];
  let side: ReturnType<typeof openReadSide>;

  beforeAll(async () => {
    side = openReadSide(dir.file('read-models.db'));
    const lifecycle = new Lifecycle(side.store);
    await lifecycle.register('org-acme', 'Acme IT Services Co., Ltd.', '91310000MA1K4XXX0Q');
    for (const { certificateId, standard, sequence } of ISSUED) {
      await lifecycle.issue(
        certificateId,
        'org-acme',
        `cycle-${certificateId}`,
        standard,
        sequence,
        '2024-03-20',
      );
    }
    await side.runner.catchUp();
  });
  afterAll(async () => {
    await side.close();
    dir.remove();
  });

  it('finds the certificate whose number was typed, and never another', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...ISSUED)
          .chain((issued) => typedVariant(issued.number, 1).map((typed) => ({ issued, typed }))),
        ({ issued, typed }) => {
          expect(findCertificateByNumber(side.db, typed)?.certificateId).toBe(issued.certificateId);
          expect(verifyCertificate(side.db, typed, d('2025-01-01'))?.number).toBe(issued.number);
        },
      ),
      { numRuns: 300 },
    );
  });
});
