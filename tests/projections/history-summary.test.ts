import {
  type CertificateTransferredIn,
  type CertificateTransitioned,
  DEFAULT_POLICY,
} from '../../src/domain';
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

  it('gives a transfer-in the effective date, as the other issues of a certificate', () => {
    const transferredIn: CertificateTransferredIn = {
      type: 'CertificateTransferredIn',
      data: {
        certificateId: 'cert-2',
        number: 'CN-20000-00008',
        revision: 1,
        standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
        scope: 'Operation of managed hosting services',
        sites: [],
        decisionDate: d('2025-04-01'),
        effectiveDate: d('2025-04-03'),
        expiryDate: d('2026-11-30'),
        uncappedExpiryDate: d('2026-11-30'),
        actor: 'person-decider',
        organisationId: 'org-1',
        auditCycleId: 'cycle-1',
        organisationName: 'Transferred Hosting Co.',
        organisationLocation: 'Shanghai, CN',
        certificationBodyName: 'Example Certification Co.',
        originalCertificationDate: d('2023-12-01'),
        cycleDecisionDate: d('2023-12-01'),
        policy: DEFAULT_POLICY,
        previousCertificationBodyName: 'Previous Certification Ltd',
        previousCertificateNumber: 'PC-2023-117',
      },
    };

    expect(historySummary(transferredIn)).toBe(
      'Certificate CN-20000-00008 issued on transfer from Previous Certification Ltd (PC-2023-117), effective 2025-04-03, expiring 2026-11-30',
    );
  });
});
