import { Role } from '../../../src/graphql';
import { auditDone, grantedIsms2013 } from '../api/api-lifecycle';
import { type ApiHarness, startApiHarness } from '../support/api-harness';
import { firstError, type GraphQLResponse } from '../support/test-server';
import { MUTATIONS } from './mutation-documents';
import { applicationOverHttp, readyOrganisation, SCOPE, TRANSFER_IN } from './lifecycle-over-http';

let api: ApiHarness;

/**
 * `cert-isms` (ISO/IEC 27001:2013, granted 2024-03-20) with its transition audit completed on
 * 2025-02-11; `org-typed` and `org-transfer` ready to apply. Today is 2025-03-01.
 */
beforeAll(async () => {
  api = await startApiHarness();
  await grantedIsms2013(api);
  await auditDone(
    api.service,
    'cycle-isms',
    'transition',
    'TRANSITION',
    '2025-02-10',
    '2025-02-11',
  );
  await readyOrganisation(api, 'org-typed');
  await readyOrganisation(api, 'org-transfer');
  await api.settle();
}, 60_000);
afterAll(() => api.close());

const standardOfCycle = async (auditCycleId: string) =>
  (await api.query(Role.VIEWER, `{ auditCycle(id: "${auditCycleId}") { standard { code } } }`)).body
    .data?.auditCycle;

const eventCount = async () => (await api.store.readAll()).length;

const expectUnknownStandard = (response: GraphQLResponse, closest: string) => {
  const error = firstError(response);
  expect(error.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    rule: 'UNKNOWN_STANDARD',
    field: 'standard',
  });
  expect(error.message).toContain('is not in the standards catalog');
  expect(error.message).toContain(closest);
};

describe('a standard typed in an application or transition', () => {
  it('is matched in any case, width or spacing and recorded as the catalog spells it', async () => {
    const submitted = await applicationOverHttp(api, 'org-typed', 'cycle-typed', '2025-02-20', {
      identifier: ' iso / iec  20000\u20131 ',
      version: '\uff12\uff10\uff11\uff18',
    });
    expect(submitted.body.errors).toBeUndefined();
    const transferred = await api.query(Role.ADMIN, MUTATIONS.transferCertificateIn, {
      input: {
        ...TRANSFER_IN,
        standard: {
          identifier: '\uff29\uff33\uff2f\u3000\uff19\uff10\uff10\uff11',
          version: '2015 ',
        },
      },
    });
    expect(transferred.body.errors).toBeUndefined();
    expect(await standardOfCycle('cycle-typed')).toEqual({
      standard: { code: 'ISO/IEC 20000-1:2018' },
    });
    expect(await standardOfCycle(TRANSFER_IN.auditCycleId)).toEqual({
      standard: { code: 'ISO 9001:2015' },
    });
  });

  it('counts as the catalog standard for the one open application per standard', async () => {
    const before = await eventCount();
    const second = await applicationOverHttp(api, 'org-typed', 'cycle-typed-2', '2025-02-21');
    expect(firstError(second).extensions).toMatchObject({ rule: 'APPLICATION_ALREADY_OPEN' });
    expect(firstError(second).message).toContain('to ISO/IEC 20000-1:2018');
    expect(await eventCount()).toBe(before);
  });

  it('moves a certificate to the version typed, as the catalog spells it', async () => {
    const response = await api.query(Role.DECISION_MAKER, MUTATIONS.transitionStandardVersion, {
      input: {
        certificateId: 'cert-isms',
        standard: { identifier: 'Iso/Iec 27001', version: ' 2022' },
        decisionDate: '2025-02-20',
      },
    });
    expect(response.body.errors).toBeUndefined();
    const data = (
      await api.query(
        Role.VIEWER,
        '{ certificate(id: "cert-isms") { revision standard { code } } }',
      )
    ).body.data;
    expect(data?.certificate).toEqual({ revision: 2, standard: { code: 'ISO/IEC 27001:2022' } });
  });

  it('is refused as input when the catalog does not hold it, naming the closest entries, and nothing is appended', async () => {
    await readyOrganisation(api, 'org-unknown');
    const before = await eventCount();
    expectUnknownStandard(
      await applicationOverHttp(api, 'org-unknown', 'cycle-unknown', '2025-02-20', {
        identifier: 'ISO 9001',
        version: '2008',
      }),
      'the closest catalog entry is ISO 9001:2015',
    );
    expectUnknownStandard(
      await api.query(Role.ADMIN, MUTATIONS.transferCertificateIn, {
        input: {
          ...TRANSFER_IN,
          auditCycleId: 'cycle-unknown-transfer',
          organisationId: 'org-unknown',
          certificateId: 'cert-unknown-transfer',
          standard: { identifier: 'ISO 20000-1', version: '2018' },
        },
      }),
      'the closest catalog entries are ISO/IEC 20000-1:2018, ISO/IEC 20000-1:2011',
    );
    expectUnknownStandard(
      await api.query(Role.ADMIN, MUTATIONS.startRecertification, {
        input: {
          certificateId: 'cert-isms',
          standard: { identifier: 'ISO/IEC 27002', version: '2022' },
          scope: SCOPE,
        },
      }),
      'the closest catalog entry is ISO/IEC 27001:2022',
    );
    expect(await eventCount()).toBe(before);
  });
});
