import {
  catalogIdentifierOrCode,
  DomainError,
  findStandard,
  findTypedStandard,
  foldedStandardText,
  standardCode,
  STANDARDS,
  standardsCloseTo,
  UnknownStandardError,
} from '../../../src/domain';

describe('a standard as people type it', () => {
  it('folds case, width, dashes and white space, none around ":" or "/"', () => {
    expect(foldedStandardText(' ISO / IEC  20000\u20131 : 2018\n')).toBe('iso/iec 20000-1:2018');
    expect(foldedStandardText('\uff29\uff33\uff2f\u3000\uff19\uff10\uff10\uff11')).toBe('iso 9001');
  });

  it('finds every catalog version typed in another case or spacing, as the catalog spells it', () => {
    for (const version of STANDARDS) {
      const typed = {
        identifier: ` ${version.identifier.toLowerCase()} `,
        version: ` ${version.version}`,
      };
      expect(findStandard(typed)).toBe(version);
      expect(findTypedStandard(typed)).toBe(version);
      expect(catalogIdentifierOrCode(standardCode(typed))).toBe(standardCode(version));
      expect(catalogIdentifierOrCode(`\t${version.identifier.toUpperCase()}`)).toBe(
        version.identifier,
      );
    }
  });

  it('does not read a standard with another number or version as one of the catalog', () => {
    for (const typed of ['ISO 9001:2008', 'ISO 20000-1', 'ISO/IEC 27002', 'ISO/IEC 20000-1:', '']) {
      expect(catalogIdentifierOrCode(typed)).toBeNull();
    }
  });

  it('names the catalog entries of the number typed, or two characters from it', () => {
    const closeTo = (typed: string) => standardsCloseTo(typed).map(standardCode);
    expect(closeTo('ISO 9001:2008')).toEqual(['ISO 9001:2015']);
    expect(closeTo('ISO 20000-1:2018')).toEqual(['ISO/IEC 20000-1:2018', 'ISO/IEC 20000-1:2011']);
    expect(closeTo('ISO 9010:2015')).toEqual(['ISO 9001:2015']);
    expect(closeTo('ISO 22301:2019')).toEqual([]);
  });

  it('refuses a standard the catalog does not hold as input, naming the closest entries or else all', () => {
    const refusal = (identifier: string, version: string): DomainError => {
      try {
        findTypedStandard({ identifier, version });
      } catch (error) {
        return error as DomainError;
      }
      throw new Error(`${identifier}:${version} was found`);
    };
    const close = refusal('ISO 9001', '2008');
    expect(close).toBeInstanceOf(UnknownStandardError);
    expect(close).toMatchObject({
      rule: 'UNKNOWN_STANDARD',
      field: 'standard',
      message:
        'standard "ISO 9001:2008" is not in the standards catalog: the closest catalog entry is ISO 9001:2015',
    });
    expect(refusal('ISO 22301', '2019').message).toBe(
      'standard "ISO 22301:2019" is not in the standards catalog: the catalog holds ' +
        STANDARDS.map(standardCode).join(', '),
    );
  });

  it('refuses a standard recorded earlier that the catalog does not hold without naming an input field', () => {
    const refusal = (): unknown => {
      try {
        return findStandard({ identifier: 'ISO/IEC 27001', version: '2005' });
      } catch (error) {
        return error;
      }
    };
    expect(refusal()).toBeInstanceOf(UnknownStandardError);
    expect(refusal()).toMatchObject({ rule: 'UNKNOWN_STANDARD', field: undefined });
  });
});
