import { loadAggregate } from '../../src/application';
import {
  addDays,
  type CalendarDate,
  certificateDecider,
  certificateStatusOn as domainStatusOn,
} from '../../src/domain';
import { certificateStatusOn, validOn, verifyCertificate } from '../../src/projections';
import { ACME, BETA, d, typicalReadSide } from './lifecycle-fixture';

describe('certificate status as of a date', () => {
  const readSide = typicalReadSide('certificate-status');

  it.each([
    ['2024-03-19', 'DRAFT', false],
    ['2024-03-20', 'ACTIVE', true],
    ['2025-06-01', 'SUSPENDED', false],
    ['2025-07-14', 'SUSPENDED', false],
    ['2025-07-15', 'ACTIVE', true],
    ['2027-03-19', 'ACTIVE', true],
    ['2027-03-20', 'EXPIRED', false],
    ['2027-05-09', 'EXPIRED', false],
    ['2027-05-10', 'ACTIVE', true],
    ['2030-03-19', 'ACTIVE', true],
    ['2030-03-20', 'EXPIRED', false],
  ])('reads %s as %s', (date, status, valid) => {
    expect(certificateStatusOn(readSide().db, ACME.certificateId, d(date))).toBe(status);
    expect(validOn(readSide().db, ACME.certificateId, d(date))).toBe(valid);
  });

  it('reads an active certificate past its expiry as expired before anything is recorded', () => {
    expect(certificateStatusOn(readSide().db, BETA.certificateId, d('2028-01-09'))).toBe('ACTIVE');
    expect(certificateStatusOn(readSide().db, BETA.certificateId, d('2028-01-10'))).toBe('EXPIRED');
  });

  it('agrees with the domain on every third day from before issue to after the last expiry', async () => {
    for (const certificateId of [ACME.certificateId, BETA.certificateId]) {
      const { state } = await loadAggregate(
        readSide().store,
        `certificate-${certificateId}`,
        certificateDecider,
      );
      for (let date: CalendarDate = d('2024-01-01'); date < '2031-01-01'; date = addDays(date, 3)) {
        expect([date, certificateStatusOn(readSide().db, certificateId, date)]).toEqual([
          date,
          domainStatusOn(state, date),
        ]);
      }
    }
  });

  it('answers null for an unknown certificate', () => {
    expect(certificateStatusOn(readSide().db, 'nope', d('2025-01-01'))).toBeNull();
    expect(validOn(readSide().db, 'nope', d('2025-01-01'))).toBeNull();
  });

  it('verifies a certificate publicly with its status as of the date', () => {
    expect(verifyCertificate(readSide().db, ACME.number, d('2025-06-15'))).toMatchObject({
      number: ACME.number,
      revision: 1,
      numberWithRevision: ACME.number,
      requestedRevision: 1,
      revisionStatus: 'CURRENT',
      status: 'SUSPENDED',
      certSearchStatus: 'Suspended',
      valid: false,
      organisationName: 'Acme IT Services Co., Ltd.',
      standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
      expiryDate: '2027-03-19',
    });
    expect(verifyCertificate(readSide().db, `${ACME.number}/R1`, d('2026-01-01'))).toMatchObject({
      revision: 2,
      numberWithRevisionInForce: `${ACME.number}/R2`,
      requestedRevision: 1,
      revisionStatus: 'SUPERSEDED',
      status: 'ACTIVE',
      valid: false,
    });
    expect(verifyCertificate(readSide().db, `${ACME.number}/R2`, d('2027-04-01'))).toMatchObject({
      revisionStatus: 'CURRENT',
      status: 'EXPIRED',
      valid: false,
    });
    expect(verifyCertificate(readSide().db, 'CN-404', d('2026-01-01'))).toBeNull();
  });

  it('shows the content of the revision a number names: the one asked for, the first without a suffix', () => {
    const verify = (number: string, date: string) => {
      const found = verifyCertificate(readSide().db, number, d(date));
      return (
        found && {
          revision: found.revision,
          requestedRevision: found.requestedRevision,
          numberWithRevision: found.numberWithRevision,
          revisionStatus: found.revisionStatus,
          scope: found.scope,
          sites: found.sites.map((site) => site.name),
          effectiveDate: found.effectiveDate,
          expiryDate: found.expiryDate,
        }
      );
    };
    const initial = {
      numberWithRevision: ACME.number,
      scope: 'Operation of managed hosting services',
      sites: ['Head office'],
      effectiveDate: '2024-03-20',
      expiryDate: '2027-03-19',
    };
    const extended = {
      numberWithRevision: `${ACME.number}/R2`,
      scope: 'Operation of managed hosting and cloud backup services',
      sites: ['Head office', 'Data centre'],
      effectiveDate: '2025-09-01',
      expiryDate: '2027-03-19',
    };
    const restored = {
      numberWithRevision: `${ACME.number}/R3`,
      scope: 'Operation of managed hosting and cloud backup services',
      sites: ['Head office'],
      effectiveDate: '2027-05-10',
      expiryDate: '2030-03-19',
    };
    // Decided 2024-03-20: before, the certificate did not exist.
    expect(verify(ACME.number, '2024-03-19')).toBeNull();
    expect(verify(ACME.number, '2024-03-20')).toEqual({
      revision: 1,
      requestedRevision: 1,
      revisionStatus: 'CURRENT',
      ...initial,
    });
    expect(verify(ACME.number, '2025-08-31')).toEqual({
      revision: 1,
      requestedRevision: 1,
      revisionStatus: 'CURRENT',
      ...initial,
    });
    for (const number of [ACME.number, `${ACME.number}/R1`]) {
      expect(verify(number, '2025-09-01')).toEqual({
        revision: 2,
        requestedRevision: 1,
        revisionStatus: 'SUPERSEDED',
        ...initial,
      });
    }
    expect(verify(`${ACME.number}/R2`, '2025-09-01')).toEqual({
      revision: 2,
      requestedRevision: 2,
      revisionStatus: 'CURRENT',
      ...extended,
    });
    // R3 is decided 2027-05-10: before, it is as unknown as R4.
    expect(verify(`${ACME.number}/R3`, '2026-01-01')).toBeNull();
    expect(verify(`${ACME.number}/R3`, '2027-05-09')).toBeNull();
    expect(verify(`${ACME.number}/R3`, '2027-05-10')).toEqual({
      revision: 3,
      requestedRevision: 3,
      revisionStatus: 'CURRENT',
      ...restored,
    });
    expect(verify(ACME.number, '2027-05-10')).toEqual({
      revision: 3,
      requestedRevision: 1,
      revisionStatus: 'SUPERSEDED',
      ...initial,
    });
    expect(verify(`${ACME.number}/R4`, '2027-05-10')).toBeNull();
  });

  it('exposes no internal ids, findings, suspension grounds or people in the public check', () => {
    const result = verifyCertificate(readSide().db, ACME.number, d('2025-06-15'));
    const text = JSON.stringify(result);
    for (const secret of [
      ACME.certificateId,
      ACME.organisationId,
      ACME.initialCycle,
      'site-hq',
      'nc-1',
      'SERIOUS_FAILURE',
      'confidential finding',
      'p-manager',
      'p-decider',
      'p-lead',
      '91310000MA1K4XXX0Q',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(result ?? {}).sort()).toEqual(
      [
        'number',
        'revision',
        'numberWithRevisionInForce',
        'numberWithRevision',
        'requestedRevision',
        'revisionStatus',
        'organisationName',
        'organisationLocation',
        'certificationBodyName',
        'standard',
        'scope',
        'sites',
        'originalCertificationDate',
        'effectiveDate',
        'expiryDate',
        'asOf',
        'status',
        'certSearchStatus',
        'valid',
        'statusPeriods',
      ].sort(),
    );
  });
});
