import type { CertificateCommand } from '../../src/domain';
import { certificateDeadlines } from '../../src/projections';
import { ACME, d, Lifecycle, seriousFailureSuspension, typicalReadSide } from './lifecycle-fixture';

const suspend = seriousFailureSuspension(ACME.certificateId, '2027-06-01');

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
