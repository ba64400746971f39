import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { d, dataOf, granted20000 } from './api-lifecycle';

const ADMIN = { actor: 'admin-1' };
const NUMBER = 'CN-20000-00001';
const LOWER_CASE_NUMBER = 'cb-20000-00001';
const DOTTED_NUMBER = 'CN.20000.00001';
const IDS = {
  organisationId: 'org-typed',
  auditCycleId: 'cycle-typed',
  certificateId: 'cert-typed',
};

let api: ApiHarness;
let lowerCaseApi: ApiHarness;
let dottedApi: ApiHarness;

/**
 * Given a certificate granted 2024-03-20 as `CN-20000-00001` and revised on 2025-11-10 (revision
 * 2), and, at a CB whose number pattern is in lower case, one granted as `cb-20000-00001`, and at
 * one whose pattern has dots, one granted as `CN.20000.00001`.
 */
beforeAll(async () => {
  api = await startApiHarness({ now: '2026-06-01T02:00:00Z' });
  await granted20000(api, IDS, 'Typed Number Co.', '91110000MA0S000002');
  await api.service.reduceScope(
    {
      certificateId: IDS.certificateId,
      decisionDate: d('2025-11-10'),
      scope: 'IT service management of hosting services',
    },
    ADMIN,
  );
  await api.settle();
  lowerCaseApi = await startApiHarness({
    now: '2026-06-01T02:00:00Z',
    numberPattern: 'cb-{standardNumber}-{sequence:5}',
  });
  await granted20000(lowerCaseApi, IDS, 'Lower Case Co.', '91110000MA0S000003');
  dottedApi = await startApiHarness({
    now: '2026-06-01T02:00:00Z',
    numberPattern: 'CN.{standardNumber}.{sequence:5}',
  });
  await granted20000(dottedApi, IDS, 'Dotted Number Co.', '91110000MA0S000004');
}, 60_000);
afterAll(async () => {
  await api.close();
  await lowerCaseApi.close();
  await dottedApi.close();
});

const verify = async (harness: ApiHarness, number: string) =>
  dataOf(
    await harness.query(
      'ANONYMOUS',
      `query ($number: String!) {
        verifyCertificate(number: $number) { number numberWithRevision requestedRevision valid } }`,
      { number },
    ),
  ).verifyCertificate;

const byNumber = async (harness: ApiHarness, number: string) =>
  dataOf(
    await harness.query(
      Role.ADMIN,
      `query ($number: String!) {
        certificateByNumber(number: $number) { id number numberWithRevision } }`,
      { number },
    ),
  ).certificateByNumber;

const TYPED_AS_PRINTED_ON_R1 = [
  ['in lower case', 'cn-20000-00001'],
  ['in mixed case', 'Cn-20000-00001'],
  ['with spaces around it', '  CN-20000-00001 '],
  ['pasted with a tab and a line break', '\tCN-20000-00001\r\n'],
  ['with no-break spaces around it', '\u00a0CN-20000-00001\u00a0'],
  ['with en dashes', 'CN\u201320000\u201300001'],
  ['with a minus sign and a non-breaking hyphen', 'CN\u221220000\u201100001'],
  ['in full-width letters', '\uff23\uff2e-20000-00001'],
  ['with spaces for its hyphens', 'CN 20000 00001'],
  ['without its hyphens', 'CN2000000001'],
  ['with a space and a hyphen', 'cn 20000-00001'],
  ['with hyphens elsewhere', 'CN-2000-000001'],
  ['with dots for its hyphens', 'CN.20000.00001'],
  ['with full-width dots for its hyphens', 'CN\uff0e20000\uff0e00001'],
  ['with underscores for its hyphens', 'CN_20000_00001'],
  ['ending a sentence', 'CN-20000-00001.'],
  [
    'in full-width digits without hyphens',
    'CN\uff12\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff11',
  ],
  ['pasted with a zero-width space before it', '\u200bCN-20000-00001'],
  ['pasted with a soft hyphen in it', 'CN-20000-\u00ad00001'],
  ['pasted with direction marks around it', '\u202aCN-20000-00001\u200e\u202c'],
  ['pasted with a word joiner and a byte-order mark in it', 'CN\u2060-20000\ufeff-00001'],
];

const TYPED_AS_R2 = [
  ['with its suffix in lower case', 'cn-20000-00001/r2'],
  ['with its number in upper and its suffix in lower case', 'CN-20000-00001/r2'],
  ['with spaces around the slash', 'CN-20000-00001 / R2'],
  ['with a space for a hyphen and spaces around the slash', 'cn 20000-00001 / r2'],
  ['without its hyphens', 'CN2000000001/R2'],
  ['with dots for its hyphens', 'cn.20000.00001/R2'],
  ['with underscores for its hyphens', 'CN_20000_00001 / r2'],
  ['ending a sentence', 'CN-20000-00001/R2.'],
  ['ending a sentence after a space, with spaces around the slash', 'cn 20000 00001 / r2 . '],
  ['ending a sentence with a full-width full stop', 'CN-20000-00001/R2\uff0e'],
  ['pasted with zero-width spaces around the slash', 'CN-20000-00001\u200b/\u200bR2'],
];

/** The number printed with dots, as people may type it. */
const TYPED_AS_PRINTED_WITH_DOTS = [
  ['as printed', DOTTED_NUMBER],
  ['with hyphens for its dots', 'CN-20000-00001'],
  ['with spaces for its dots, in lower case', 'cn 20000 00001'],
  ['without its dots', 'CN2000000001'],
];

describe('verifyCertificate', () => {
  it.each(TYPED_AS_PRINTED_ON_R1)(
    'finds a number typed %s, answered as printed on the first revision',
    async (_, typed) => {
      expect(await verify(api, typed)).toEqual({
        number: NUMBER,
        numberWithRevision: NUMBER,
        requestedRevision: 1,
        valid: false,
      });
    },
  );

  it.each(TYPED_AS_R2)('finds a revision %s', async (_, typed) => {
    expect(await verify(api, typed)).toEqual({
      number: NUMBER,
      numberWithRevision: `${NUMBER}/R2`,
      requestedRevision: 2,
      valid: true,
    });
  });

  it('finds the superseded first revision typed in lower case, and says it is not valid', async () => {
    expect(await verify(api, 'cn-20000-00001/r1')).toEqual({
      number: NUMBER,
      numberWithRevision: NUMBER,
      requestedRevision: 1,
      valid: false,
    });
  });

  it('finds a number a lower-case pattern printed, typed in upper case', async () => {
    expect(await verify(lowerCaseApi, 'CB-20000-00001')).toMatchObject({
      number: LOWER_CASE_NUMBER,
      valid: true,
    });
  });

  it.each(TYPED_AS_PRINTED_WITH_DOTS)(
    'finds a number a pattern printed with dots, typed %s',
    async (_, typed) => {
      expect(await verify(dottedApi, typed)).toMatchObject({ number: DOTTED_NUMBER, valid: true });
    },
  );

  it('still answers null for a number that differs in more than case or separators', async () => {
    expect(await verify(api, 'CN-20000-00002')).toBeNull();
    expect(await verify(api, 'CN-20000-0001')).toBeNull();
    expect(await verify(api, 'CN+20000+00001')).toBeNull();
    expect(await verify(api, 'cn-20000-00001/r3')).toBeNull();
  });
});

describe('certificateByNumber', () => {
  it.each(TYPED_AS_PRINTED_ON_R1)(
    'finds a number typed %s, answered as printed',
    async (_, typed) => {
      expect(await byNumber(api, typed)).toEqual({
        id: IDS.certificateId,
        number: NUMBER,
        numberWithRevision: `${NUMBER}/R2`,
      });
    },
  );

  it.each(TYPED_AS_R2)('finds a revision %s', async (_, typed) => {
    expect(await byNumber(api, typed)).toMatchObject({ id: IDS.certificateId, number: NUMBER });
  });

  it('says which revision the number asked for names: its suffix, else the first, printed without one', async () => {
    const requested = async (number: string) =>
      dataOf(
        await api.query(
          Role.ADMIN,
          `query ($number: String!) {
            certificateByNumber(number: $number) {
              revision numberWithRevision revisionOfNumber(number: $number) } }`,
          { number },
        ),
      ).certificateByNumber;
    for (const [typed, revisionOfNumber] of [
      [NUMBER, 1],
      ['cn 20000 00001/r1', 1],
      ['CN2000000001 / R2', 2],
    ] as const) {
      expect(await requested(typed)).toEqual({
        revision: 2,
        numberWithRevision: `${NUMBER}/R2`,
        revisionOfNumber,
      });
    }
    const direct = await api.query(
      Role.ADMIN,
      `{ certificate(id: "${IDS.certificateId}") { requestedRevision revisionOfNumber(number: "${NUMBER}/R2") } }`,
    );
    expect(dataOf(direct).certificate).toEqual({ requestedRevision: null, revisionOfNumber: 2 });
  });

  it('finds a number a lower-case pattern printed, typed in upper case', async () => {
    expect(await byNumber(lowerCaseApi, 'CB-20000-00001/R1')).toMatchObject({
      number: LOWER_CASE_NUMBER,
    });
  });

  it.each(TYPED_AS_PRINTED_WITH_DOTS)(
    'finds a number a pattern printed with dots, typed %s',
    async (_, typed) => {
      expect(await byNumber(dottedApi, typed)).toEqual({
        id: IDS.certificateId,
        number: DOTTED_NUMBER,
        numberWithRevision: DOTTED_NUMBER,
      });
    },
  );
});

describe('a number that cannot be one', () => {
  const NOT_NUMBERS = [
    ['empty', ''],
    ['blank', ' \u00a0\t'],
    ['made of invisible format characters only', '\u200b\u00ad\u200e'],
    ['over 200 characters', `${NUMBER}${'0'.repeat(200)}`],
    ['holding a NUL', 'CN-20000\u000000001'],
    ['holding a line break', 'CN-20000\n00001'],
  ];

  it.each(NOT_NUMBERS)('is refused as BAD_USER_INPUT naming number when %s', async (_, typed) => {
    for (const [caller, field] of [
      ['ANONYMOUS', 'verifyCertificate'],
      [Role.ADMIN, 'certificateByNumber'],
    ] as const) {
      const response = await api.query(
        caller,
        `query ($number: String!) { ${field}(number: $number) { number } }`,
        { number: typed },
      );
      expect(response.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'number',
      });
    }
  });
});
