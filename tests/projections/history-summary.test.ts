import type { CertificateTransitioned } from '../../src/domain';
import { historySummary } from '../../src/projections/certificate-history/history-entry';
import { d } from './lifecycle-fixture';

describe('history summaries', () => {
  it('gives a transition its versions, the effective date and the expiry it restored', () => {
    const transitioned: CertificateTransitioned = {
      type: 'CertificateTransitioned',
      data: {
        certificateId: 'cert-1',
        number: 'CN-27001-00007',
        revision: 2,
        standard: { identifier: 'ISO/IEC 27001', version: '2022' },
        previousStandard: { identifier: 'ISO/IEC 27001', version: '2013' },
        scope: 'Operation of managed hosting services',
        sites: [],
        decisionDate: d('2025-06-02'),
        effectiveDate: d('2025-06-02'),
        expiryDate: d('2026-08-14'),
        uncappedExpiryDate: d('2026-08-14'),
        actor: 'person-decider',
      },
    };

    expect(historySummary(transitioned)).toBe(
      'Certificate CN-27001-00007/R2 transitioned from ISO/IEC 27001:2013 to ISO/IEC 27001:2022, effective 2025-06-02, expiring 2026-08-14',
    );
  });
});
