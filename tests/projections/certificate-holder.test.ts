import { findCertificates, verifyCertificate } from '../../src/projections';
import { ACME, d, Lifecycle, SITE, typicalReadSide } from './lifecycle-fixture';

describe("a certificate's holder", () => {
  const readSide = typicalReadSide('certificate-holder');

  it("is the renewal's from its revision on, in the certificates and the register", async () => {
    await new Lifecycle(readSide().store).certificate({
      type: 'RenewCertificate',
      data: {
        certificateId: ACME.certificateId,
        auditCycleId: 'cycle-acme-3',
        decisionDate: d('2030-01-10'),
        effectiveDate: d('2030-03-20'),
        standard: { identifier: 'ISO/IEC 20000-1', version: '2018' },
        scope: 'Operation of managed hosting and cloud backup services',
        sites: [SITE],
        organisationName: 'Acme Cloud Group Co., Ltd.',
        organisationLocation: '1 New Road, Shanghai, CN',
        actor: 'p-decider',
      },
    });
    await readSide().runner.catchUp();
    const certificate = findCertificates(readSide().db, [ACME.certificateId]).get(
      ACME.certificateId,
    );
    expect(certificate).toMatchObject({
      revision: 4,
      organisationName: 'Acme Cloud Group Co., Ltd.',
      organisationLocation: '1 New Road, Shanghai, CN',
    });
    const holder = (date: string) => {
      const printed = verifyCertificate(readSide().db, ACME.number, d(date));
      const inForce =
        printed && verifyCertificate(readSide().db, printed.numberWithRevisionInForce, d(date));
      return inForce && [inForce.revision, inForce.organisationName];
    };
    expect(holder('2030-03-19')).toEqual([3, 'Acme IT Services Co., Ltd.']);
    expect(holder('2030-03-20')).toEqual([4, 'Acme Cloud Group Co., Ltd.']);
  });
});
