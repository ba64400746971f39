import type { CertificateCommand } from '../../src/domain';
import { certificateDeadlines } from '../../src/projections';
import { ACME, d, Lifecycle, typicalReadSide } from './lifecycle-fixture';

const suspend: CertificateCommand = {
  type: 'SuspendCertificate',
  data: {
    certificateId: ACME.certificateId,
    grounds: 'SERIOUS_FAILURE',
    details: 'incident management failing',
    suspendedOn: d('2027-06-01'),
    ownFault: true,
    actor: 'p-manager',
  },
};

const reinstate: CertificateCommand = {
  type: 'ReinstateCertificate',
  data: {
    certificateId: ACME.certificateId,
    reinstatedOn: d('2027-06-01'),
    reason: 'suspended by mistake',
    actor: 'p-manager',
  },
};

describe('suspension limits', () => {
  const readSide = typicalReadSide('suspension-deadlines');

  it('are projected for a certificate suspended again on the day it was reinstated', async () => {
    const run = new Lifecycle(readSide().store);
    await run.certificate(suspend);
    await run.certificate(reinstate);
    await run.certificate(suspend);
    await readSide().runner.catchUp();
    const limits = certificateDeadlines(readSide().db, ACME.certificateId, d('2027-06-02'))
      .filter(
        (deadline) => deadline.type === 'SUSPENSION_LIMIT' && deadline.openedOn === '2027-06-01',
      )
      .map(({ key, state }) => [key, state]);
    expect(limits).toEqual([
      ['SUSPENSION_LIMIT:2027-06-01', 'MET'],
      ['SUSPENSION_LIMIT:2027-06-01:2', 'UPCOMING'],
    ]);
  });
});
