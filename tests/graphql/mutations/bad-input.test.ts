import fc from 'fast-check';
import { isCalendarDate, SUSPENSION_GROUNDS } from '../../../src/domain';
import { Role } from '../../../src/graphql';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import type { GraphQLResponse } from '../support/test-server';
import { grantedOverHttp, SCOPE, STANDARD } from './lifecycle-over-http';
import { MUTATIONS, type MutationName } from './mutation-documents';

/**
 * Property-based bad input: whatever is wrong, the answer is one typed error and the event store
 * holds exactly as many events as before.
 */
let api: ApiHarness;
const ORGANISATION = 'org-bad';
const CYCLE = 'org-bad-cycle';
const CERTIFICATE = 'org-bad-cert';

beforeAll(async () => {
  api = await startApiHarness();
  await grantedOverHttp(api, ORGANISATION, CYCLE, CERTIFICATE);
}, 60_000);
afterAll(() => api.close());

const RUNS = { numRuns: 20 };

interface Target {
  mutation: MutationName;
  input: Record<string, unknown>;
}

const VALID: Record<string, Target> = {
  register: {
    mutation: 'registerOrganisation',
    input: { legalName: 'Valid Ltd', country: 'CN', address: '7 Valid Road, Beijing' },
  },
  addSite: {
    mutation: 'addSite',
    input: { organisationId: ORGANISATION, name: 'Lab', address: '8 Lab Road', country: 'CN' },
  },
  application: {
    mutation: 'submitApplication',
    input: { organisationId: ORGANISATION, standard: STANDARD, scope: SCOPE, sites: ['site-hq'] },
  },
  planAudit: {
    mutation: 'planAudit',
    input: {
      auditCycleId: CYCLE,
      kind: 'SURVEILLANCE',
      surveillanceNumber: 1,
      plannedStart: '2025-07-01',
      plannedEnd: '2025-07-02',
      mode: 'ON_SITE',
      leadAuditorId: 'lead',
      team: ['lead'],
      sites: ['site-hq'],
    },
  },
  complete: {
    mutation: 'completeAudit',
    input: {
      auditCycleId: CYCLE,
      auditId: `${CYCLE}-stage2`,
      firstDay: '2024-08-05',
      lastDay: '2024-08-07',
      sites: ['site-hq'],
    },
  },
  raise: {
    mutation: 'raiseNonconformity',
    input: {
      auditCycleId: CYCLE,
      auditId: `${CYCLE}-stage2`,
      grade: 'MINOR',
      clause: '8.1',
      description: 'finding',
      raisedOn: '2024-08-07',
    },
  },
  decide: {
    mutation: 'decideCertification',
    input: { auditCycleId: CYCLE, decision: 'REFUSED', decidedOn: '2024-08-21', reasons: ['x'] },
  },
  review: {
    mutation: 'reviewApplication',
    input: { auditCycleId: CYCLE, outcome: 'ACCEPTED', reasons: [] },
  },
  suspend: {
    mutation: 'suspendCertificate',
    input: {
      certificateId: CERTIFICATE,
      grounds: 'NON_PAYMENT',
      details: 'unpaid',
      ownFault: true,
      suspendedOn: '2025-01-10',
    },
  },
};

const withField = (target: Target, path: string, value: unknown): Target => {
  const input = structuredClone(target.input);
  const keys = path.split('.');
  let holder: Record<string, unknown> = input;
  for (const key of keys.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
  holder[keys.at(-1) as string] = value;
  return { mutation: target.mutation, input };
};

const eventCount = async () => (await api.store.readAll()).length;

/** Sends the mutation as ADMIN (allowed everything) and answers the one error it got. */
const refusal = async ({ mutation, input }: Target, expectedVersion?: number) => {
  const before = await eventCount();
  const response: GraphQLResponse = await api.query(Role.ADMIN, MUTATIONS[mutation], {
    input,
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  });
  expect(response.body.data?.[mutation] ?? null).toBeNull();
  expect(response.body.errors).toHaveLength(1);
  expect(await eventCount()).toBe(before);
  return response.body.errors?.[0] ?? { message: '', extensions: {} };
};

const notADate = fc
  .oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('2025-02-29', '2025-13-01', '2025-04-31', '2025-1-1', '25-01-01', '0999-01-01'),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    fc
      .tuple(
        fc.integer({ min: 1900, max: 2999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 40 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  )
  .filter((value) => !isCalendarDate(value));

/** Dates of what happened (never after today), by mutation. */
const HAPPENED_ON: Array<[keyof typeof VALID, string]> = [
  ['register', 'registeredOn'],
  ['addSite', 'addedOn'],
  ['raise', 'raisedOn'],
  ['decide', 'decidedOn'],
  ['suspend', 'suspendedOn'],
];

describe('wrong dates', () => {
  const fields: Array<[keyof typeof VALID, string]> = [
    ...HAPPENED_ON,
    ['planAudit', 'plannedStart'],
  ];

  it('answers BAD_USER_INPUT naming the input field and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), notADate, async ([target, field], date) => {
        const error = await refusal(withField(VALID[target] as Target, field, date));
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(error.message).toContain('calendar date');
      }),
      RUNS,
    );
  });
});

describe('input fields a variable lacks or does not know', () => {
  it('answers BAD_USER_INPUT naming the field inside the variable', async () => {
    const missing = Object.fromEntries(
      Object.entries(VALID.suspend!.input).filter(([key]) => key !== 'certificateId'),
    );
    const lacking = await refusal({ mutation: 'suspendCertificate', input: missing });
    expect(lacking.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'certificateId' });
    const unknown = await refusal(withField(VALID.suspend as Target, 'colour', 'red'));
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'colour' });
    const listed = await refusal(withField(VALID.raise as Target, 'grade', ['MINOR']));
    expect(listed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grade' });
    const nested = await refusal(withField(VALID.application as Target, 'scope.text', 5));
    expect(nested.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scope.text' });
    const scopeWithoutText = Object.fromEntries(
      Object.entries(VALID.application!.input.scope as object).filter(([key]) => key !== 'text'),
    );
    const lackingNested = await refusal(
      withField(VALID.application as Target, 'scope', scopeWithoutText),
    );
    expect(lackingNested.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scope.text' });
    const inList = await refusal(
      withField(VALID.application as Target, 'sites', ['site-hq', true]),
    );
    expect(inList.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sites[1]' });
  });
});

describe('dates after today', () => {
  const afterToday = fc
    .integer({ min: 1, max: 3000 })
    .map((days) =>
      new Date(Date.parse('2025-03-01') + days * 86_400_000).toISOString().slice(0, 10),
    );

  it('answers BAD_USER_INPUT with rule DATE_IN_FUTURE naming the field, and writes nothing', async () => {
    expect(api.clock.now().toISOString()).toBe('2025-03-01T02:00:00.000Z');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HAPPENED_ON),
        afterToday,
        async ([target, field], date) => {
          const error = await refusal(withField(VALID[target] as Target, field, date));
          expect(error.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            rule: 'DATE_IN_FUTURE',
            field,
          });
          expect(error.message).toBe(
            `${field} ${date} is after today, 2025-03-01: facts cannot be dated in the future`,
          );
        },
      ),
      RUNS,
    );
  });

  it('accepts today', async () => {
    const response = await api.query(Role.ADMIN, MUTATIONS.registerOrganisation, {
      input: { ...VALID.register!.input, registeredOn: '2025-03-01' },
    });
    expect(response.body.errors).toBeUndefined();
  });
});

describe('unknown ids', () => {
  const targets: Array<[keyof typeof VALID, string, string]> = [
    ['addSite', 'organisationId', 'Organisation'],
    ['raise', 'auditCycleId', 'AuditCycle'],
    ['review', 'auditCycleId', 'AuditCycle'],
    ['suspend', 'certificateId', 'Certificate'],
  ];
  const unknownId = fc.stringMatching(/^[A-Za-z0-9._:-]{1,60}$/).map((id) => `unknown-${id}`);

  it('answers NOT_FOUND with the entity and id and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        unknownId,
        async ([target, field, entity], id) => {
          const error = await refusal(withField(VALID[target] as Target, field, id));
          expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', entity, id });
        },
      ),
      RUNS,
    );
  });
});

describe('huge and blank strings', () => {
  const fields: Array<[keyof typeof VALID, string, number]> = [
    ['register', 'legalName', 200],
    ['addSite', 'address', 500],
    ['application', 'scope.text', 2_000],
    ['raise', 'description', 2_000],
    ['suspend', 'details', 2_000],
  ];
  const huge = (limit: number) =>
    fc
      .tuple(fc.integer({ min: limit + 1, max: 25_000 }), fc.constantFrom('a', 'é', '字', ' x'))
      .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));
  const blank = fc.constantFrom('', ' ', '\t', '   \n ');

  it('answers BAD_USER_INPUT naming the field and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...fields)
          .chain(([target, field, limit]) =>
            fc.tuple(fc.constant(target), fc.constant(field), fc.oneof(huge(limit), blank)),
          ),
        async ([target, field, text]) => {
          const error = await refusal(withField(VALID[target] as Target, field, text));
          expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        },
      ),
      RUNS,
    );
  });

  it('refuses ids with white space and empty lists', async () => {
    const spaced = await refusal(withField(VALID.register as Target, 'organisationId', 'org 1'));
    expect(spaced.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
    const noSites = await refusal(withField(VALID.application as Target, 'sites', []));
    expect(noSites.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sites' });
  });
});

describe('wrong enum values', () => {
  const fields: Array<[keyof typeof VALID, string, readonly string[]]> = [
    ['suspend', 'grounds', SUSPENSION_GROUNDS],
    [
      'planAudit',
      'kind',
      ['STAGE1', 'STAGE2', 'SURVEILLANCE', 'RECERTIFICATION', 'SPECIAL', 'TRANSITION'],
    ],
    ['planAudit', 'mode', ['ON_SITE', 'REMOTE', 'HYBRID']],
    ['raise', 'grade', ['MAJOR', 'MINOR']],
    ['decide', 'decision', ['GRANTED', 'REFUSED']],
    ['review', 'outcome', ['ACCEPTED', 'REJECTED']],
  ];

  it('answers BAD_USER_INPUT naming the input field and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields).chain(([target, field, values]) =>
          fc.tuple(
            fc.constant(target),
            fc.constant(field),
            fc
              .oneof(fc.string({ maxLength: 20 }), fc.constantFrom('minor', 'granted', 'ACTIVE'))
              .filter((value) => !values.includes(value)),
          ),
        ),
        async ([target, field, value]) => {
          const error = await refusal(withField(VALID[target] as Target, field, value));
          expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        },
      ),
      RUNS,
    );
  });
});

describe('expectedVersion', () => {
  it('answers BAD_USER_INPUT for a negative version', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -(2 ** 31), max: -1 }), async (version) => {
        const error = await refusal(VALID.suspend as Target, version);
        expect(error.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'expectedVersion',
        });
      }),
      RUNS,
    );
  });

  it('answers CONFLICT with the current version for any other version than the current one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }).filter((version) => version !== 1),
        async (version) => {
          const error = await refusal(VALID.suspend as Target, version);
          expect(error.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
        },
      ),
      RUNS,
    );
  });

  it('answers CONFLICT before the rules the stale caller may break (certificate and cycle)', async () => {
    const scope = {
      mutation: 'reduceScope' as const,
      input: {
        certificateId: CERTIFICATE,
        scope: 'narrower',
        sites: [{ siteId: 'site-nope' }],
        decisionDate: '2025-01-10',
      },
    };
    const completion = withField(VALID.complete as Target, 'sites', ['site-nope']);
    for (const target of [scope, completion]) {
      const error = await refusal(target, 0);
      expect([target.mutation, error.extensions]).toMatchObject([
        target.mutation,
        { code: 'CONFLICT' },
      ]);
    }
  });
});

describe('input the domain finds malformed', () => {
  it.each([
    [
      'a planned end before the planned start',
      withField(VALID.planAudit as Target, 'plannedEnd', '2025-06-30'),
      'plannedEnd',
      'INVALID_INPUT',
    ],
    [
      'a lead auditor who is not on the team',
      withField(VALID.planAudit as Target, 'team', ['someone-else']),
      'leadAuditorId',
      'INVALID_INPUT',
    ],
    [
      'a team that names a person twice',
      withField(VALID.planAudit as Target, 'team', ['lead', 'second', 'lead']),
      'team',
      'INVALID_INPUT',
    ],
    [
      'a surveillance audit without its number',
      withField(VALID.planAudit as Target, 'surveillanceNumber', null),
      'surveillanceNumber',
      'INVALID_INPUT',
    ],
    [
      'a surveillance number for a special audit',
      withField(withField(VALID.planAudit as Target, 'kind', 'SPECIAL'), 'surveillanceNumber', 2),
      'surveillanceNumber',
      'INVALID_INPUT',
    ],
    [
      'a country code that is not ISO 3166-1',
      withField(VALID.register as Target, 'country', 'ZZ'),
      'country',
      'INVALID_COUNTRY_CODE',
    ],
  ])('answers %s with BAD_USER_INPUT, the field and the rule', async (_, target, field, rule) => {
    const error = await refusal(target);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });
});

describe('what a refused id or text says', () => {
  it.each([
    ['an empty id', 'planAudit', 'leadAuditorId', '', 'leadAuditorId must not be empty'],
    [
      'an id with white space',
      'planAudit',
      'leadAuditorId',
      'lead auditor',
      'leadAuditorId must not contain white space',
    ],
    [
      'an id over 100 characters',
      'planAudit',
      'leadAuditorId',
      'x'.repeat(101),
      'leadAuditorId must be at most 100 characters',
    ],
    [
      'an empty id in a list',
      'planAudit',
      'team',
      ['lead', ''],
      'each value in team must not be empty',
    ],
    [
      'an id with white space in a list',
      'planAudit',
      'team',
      ['lead', 'co auditor'],
      'each value in team must not contain white space',
    ],
    ['empty text', 'suspend', 'details', '', 'details must not be blank'],
    ['blank text', 'suspend', 'details', ' \t ', 'details must not be blank'],
    [
      'text over its limit',
      'raise',
      'description',
      'x'.repeat(2001),
      'description must be at most 2000 characters',
    ],
  ] as const)('says only what is wrong with %s', async (_, target, field, value, message) => {
    const error = await refusal(withField(VALID[target] as Target, field, value));
    expect(error).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
  });
});

describe('domain rules', () => {
  it('answers DOMAIN_RULE_VIOLATION with the rule for a suspension before the certificate took effect', async () => {
    const beforeEffect = fc
      .date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2024-08-19T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(beforeEffect, async (date) => {
        const error = await refusal(withField(VALID.suspend as Target, 'suspendedOn', date));
        expect(error.extensions?.code).toBe('DOMAIN_RULE_VIOLATION');
        expect(error.extensions?.rule).toEqual(expect.any(String));
        expect(error.message).toContain(date);
      }),
      RUNS,
    );
  });

  it.each(['application', 'planAudit', 'complete'] as const)(
    'answers DOMAIN_RULE_VIOLATION SITE_NOT_LISTED when %s names sites the organisation lacks',
    async (target) => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .uniqueArray(fc.stringMatching(/^site-[a-z]{1,8}$/), { minLength: 1, maxLength: 3 })
            .filter((sites) => !sites.includes('site-hq')),
          async (sites) => {
            const error = await refusal(withField(VALID[target] as Target, 'sites', sites));
            expect(error.extensions).toMatchObject({
              code: 'DOMAIN_RULE_VIOLATION',
              rule: 'SITE_NOT_LISTED',
            });
          },
        ),
        RUNS,
      );
    },
  );
});
