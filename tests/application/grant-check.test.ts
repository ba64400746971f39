import {
  CertificateSuspendedError,
  CertificateWithdrawnError,
  type DomainError,
  RecertificationSupersededError,
  RenewalEffectiveDateError,
  TransferNotAllowedError,
} from '../../src/domain';
import {
  ADMIN,
  audit,
  d,
  DECISION_MAKER,
  eventTypes,
  grantedInitialCycle,
  lifecycleWorld,
  recertify,
  reviewedTransfer,
  type World,
  withdrawOwnFault,
} from './lifecycle-fixtures';

/** A recertification of cert-1, accepted and audited, not decided yet. */
const auditedRecertification = async (world: World, auditCycleId = 'cycle-2') => {
  await world.service.startRecertification(
    { certificateId: 'cert-1', auditCycleId, submittedOn: d('2026-09-01') },
    ADMIN,
  );
  await world.service.reviewApplication(
    { auditCycleId, outcome: 'ACCEPTED', reasons: [], reviewedOn: d('2026-09-05') },
    ADMIN,
  );
  await audit(world.service, auditCycleId, 'recert', 'RECERTIFICATION', '2026-11-16', '2026-11-18');
};

describe('a certification decision checks its grant against the certificate first', () => {
  const worlds = lifecycleWorld('grant-check');
  let world: World;

  beforeEach(async () => {
    world = worlds.open(undefined, { checkGrants: true });
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  /** The decision fails with the certificate's error; neither stream gains an event. */
  const expectRefused = async (
    decision: Promise<unknown>,
    error: new (...args: never[]) => DomainError,
    auditCycleId: string,
    certificateId: string,
  ) => {
    const cycleBefore = await eventTypes(world.store, `auditcycle-${auditCycleId}`);
    const certificateBefore = await eventTypes(world.store, `certificate-${certificateId}`);
    await expect(decision).rejects.toBeInstanceOf(error);
    expect(await eventTypes(world.store, `auditcycle-${auditCycleId}`)).toEqual(cycleBefore);
    expect(await eventTypes(world.store, `certificate-${certificateId}`)).toEqual(
      certificateBefore,
    );
  };

  /** Grants the cycle (default: cycle-2, the recertification, on 2027-01-15). */
  const grant = ({
    auditCycleId = 'cycle-2',
    decidedOn = '2027-01-15',
    effectiveOn,
  }: { auditCycleId?: string; decidedOn?: string; effectiveOn?: string } = {}) =>
    world.service.decideCertification(
      {
        auditCycleId,
        decision: 'GRANTED',
        decidedOn: d(decidedOn),
        ...(effectiveOn ? { effectiveOn: d(effectiveOn) } : {}),
        reasons: [],
      },
      DECISION_MAKER,
    );

  it('records a grant the certificate takes, and the reactor renews the certificate', async () => {
    await recertify(world.service, 'cert-1', '2027-01-15');
    await world.reactor().catchUp();
    expect(world.rejected).toEqual([]);
    expect((await eventTypes(world.store, 'certificate-cert-1')).at(-1)).toBe('CertificateRenewed');
  });

  it('refuses to renew a certificate withdrawn after its recertification started', async () => {
    await auditedRecertification(world);
    await withdrawOwnFault(world.service, '2026-12-01');
    await expectRefused(grant(), CertificateWithdrawnError, 'cycle-2', 'cert-1');
  });

  it('refuses to renew a suspended certificate', async () => {
    await world.service.suspendCertificate(
      {
        certificateId: 'cert-1',
        grounds: 'NON_PAYMENT',
        details: 'fees unpaid',
        ownFault: true,
        suspendedOn: d('2026-10-01'),
      },
      DECISION_MAKER,
    );
    await auditedRecertification(world);
    await expectRefused(grant(), CertificateSuspendedError, 'cycle-2', 'cert-1');
  });

  it('refuses a renewal effective later than the day after the current expiry', async () => {
    await auditedRecertification(world);
    await expectRefused(
      grant({ effectiveOn: '2027-03-21' }),
      RenewalEffectiveDateError,
      'cycle-2',
      'cert-1',
    );
    await grant({ effectiveOn: '2027-03-20' });
    await world.reactor().catchUp();
    expect(world.rejected).toEqual([]);
  });

  it('refuses a second recertification once another one renewed the certificate', async () => {
    await auditedRecertification(world, 'cycle-2');
    await auditedRecertification(world, 'cycle-3');
    await grant();
    await world.reactor().catchUp();
    await expectRefused(
      grant({ auditCycleId: 'cycle-3', decidedOn: '2027-01-20' }),
      RecertificationSupersededError,
      'cycle-3',
      'cert-1',
    );
  });

  it('refuses to transfer in a certificate that expires before the transfer takes effect', async () => {
    await reviewedTransfer(world.service, {
      previousCycleDecisionDate: d('2022-02-01'),
      certificateExpiryDate: d('2025-01-31'),
      surveillanceProgramme: {
        completedSurveillances: 2,
        lastSurveillanceLastDay: d('2024-01-20'),
      },
    });
    await expectRefused(
      grant({ auditCycleId: 'cycle-t', decidedOn: '2025-03-10' }),
      TransferNotAllowedError,
      'cycle-t',
      'cert-t',
    );
    expect(await world.store.readStream('certificatenumbers-default')).toHaveLength(1);
  });
});
