import { type CheckpointStore, inMemoryCheckpointStore } from '../../src/application';
import { CertificateWithdrawnError } from '../../src/domain';
import { type EventStore, PositionWaitStoppedError } from '../../src/eventstore';
import {
  audit,
  CB_NAME,
  checkpointsOf,
  d,
  DECISION_MAKER,
  eventTypes,
  grantedInitialCycle,
  lifecycleWorld,
  readyOrganisation,
  recertify,
  reviewedTransfer,
  SCOPE,
  type World,
} from './lifecycle-fixtures';

const grantOf = async (store: EventStore, auditCycleId: string) => {
  const grant = (await store.readStream(`auditcycle-${auditCycleId}`)).at(-1);
  if (grant?.type !== 'CertificationGranted') throw new Error('no grant');
  return grant;
};

/** A checkpoint store that fails its first write, as if the process died before it. */
const failingOnce = (inner: CheckpointStore): CheckpointStore => {
  let failed = false;
  return {
    read: (name) => inner.read(name),
    write: (name, position) => {
      if (!failed) {
        failed = true;
        throw new Error('crash before the checkpoint write');
      }
      inner.write(name, position);
    },
  };
};

/** An event store whose first append to a certificate stream fails, as if the process died. */
const certificateAppendFailingOnce = (store: EventStore): EventStore => {
  let failed = false;
  return Object.assign(Object.create(store) as EventStore, {
    appendToStream: (...args: Parameters<EventStore['appendToStream']>) => {
      if (!failed && args[0].startsWith('certificate-')) {
        failed = true;
        return Promise.reject(new Error('crash before the certificate append'));
      }
      return store.appendToStream(...args);
    },
  });
};

describe('certification-outcome reactor', () => {
  const worlds = lifecycleWorld('outcome-reactor');
  let world: World;

  beforeEach(() => {
    world = worlds.open();
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  it('lets a decision wait until its certificate exists, and times out with a clear error', async () => {
    await grantedInitialCycle(world.service);
    const grant = await grantOf(world.store, 'cycle-1');
    const reactor = world.reactor();
    await expect(reactor.waitFor(grant.position, 20)).rejects.toThrow(
      /certification-outcome reactor did not reach event position/,
    );
    const waiting = reactor.waitFor(grant.position, 2000);
    reactor.start();
    await waiting;
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual(['CertificateIssued']);
    await reactor.stop();
  });

  it('issues the certificate of a grant with a new number, the organisation and the envelope of the grant', async () => {
    await grantedInitialCycle(world.service);
    expect(await world.reactor().catchUp()).toBe(1);
    const grant = await grantOf(world.store, 'cycle-1');
    const [issued, ...rest] = await world.store.readStream('certificate-cert-1');
    expect(rest).toEqual([]);
    expect(issued?.type).toBe('CertificateIssued');
    expect(issued?.metadata).toMatchObject({
      causationId: grant.id,
      correlationId: grant.metadata.correlationId,
      actor: 'dm-1',
    });
    expect(issued?.data).toMatchObject({
      number: 'CN-20000-00001',
      organisationName: 'Example Hosting Ltd',
      organisationLocation: '1 Data Road, Beijing, CN',
      certificationBodyName: CB_NAME,
      scope: SCOPE.text,
      sites: [
        {
          siteId: 'site-bj',
          name: 'Beijing head office',
          address: '1 Data Road, Beijing',
          scope: SCOPE.text,
        },
        {
          siteId: 'site-sh',
          name: 'Shanghai data centre',
          address: '9 Cloud Street, Shanghai',
          scope: SCOPE.text,
        },
      ],
      decisionDate: '2024-03-20',
      effectiveDate: '2024-03-20',
      expiryDate: '2027-03-19',
      originalCertificationDate: '2024-03-20',
    });
    expect(checkpointsOf(world).read('certification-outcome')).toBe(grant.position);
  });

  it('acts on a grant exactly once, whatever the checkpoint says', async () => {
    await grantedInitialCycle(world.service);
    const reactor = world.reactor();
    await reactor.catchUp();
    expect(await reactor.catchUp()).toBe(0);
    expect(await reactor.react(await grantOf(world.store, 'cycle-1'))).toBe('ALREADY_APPLIED');
    expect(await world.reactor({ checkpoints: inMemoryCheckpointStore() }).catchUp()).toBe(1);
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual(['CertificateIssued']);
    expect(await world.store.readStream('certificatenumbers-default')).toHaveLength(1);
  });

  it('lets other work run between its batches, even when they hold only grants already acted on', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    await world
      .reactor({ checkpoints: inMemoryCheckpointStore() })
      .catchUp()
      .then(() => order.push('caught up'));
    expect(order).toEqual(['other work', 'caught up']);
  });

  it('follows the log live', async () => {
    const reactor = world.reactor();
    reactor.start();
    await grantedInitialCycle(world.service);
    for (
      let i = 0;
      i < 100 && (await world.store.readStream('certificate-cert-1')).length === 0;
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await reactor.stop();
    await expect(reactor.done).resolves.toBeUndefined();
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual(['CertificateIssued']);
  });

  it('stops on a crash between the certificate append and the checkpoint, and issues once after restart', async () => {
    await grantedInitialCycle(world.service);
    const crashing = world.reactor({ checkpoints: failingOnce(checkpointsOf(world)) });
    crashing.start();
    await expect(crashing.done).rejects.toThrow('crash before the checkpoint write');
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual(['CertificateIssued']);
    expect(checkpointsOf(world).read('certification-outcome')).toBeNull();
    await expect(
      crashing.waitFor((await grantOf(world.store, 'cycle-1')).position, 10_000),
    ).rejects.toThrow(
      new PositionWaitStoppedError(
        'the certification-outcome reactor',
        new Error('crash before the checkpoint write'),
      ),
    );

    const restarted = world.reactor();
    restarted.start();
    const grant = await grantOf(world.store, 'cycle-1');
    for (let i = 0; i < 100 && checkpointsOf(world).read('certification-outcome') === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await restarted.stop();
    expect(world.rejected).toEqual([]);
    expect(checkpointsOf(world).read('certification-outcome')).toBe(grant.position);
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual(['CertificateIssued']);
  });

  it('renews once after a crash between the renewal and the checkpoint', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    await recertify(world.service, 'cert-1', '2027-01-15');
    const crashing = world.reactor({ checkpoints: failingOnce(checkpointsOf(world)) });
    await expect(crashing.catchUp()).rejects.toThrow('crash before the checkpoint write');

    expect(await world.reactor().catchUp()).toBe(1);
    expect(world.rejected).toEqual([]);
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual([
      'CertificateIssued',
      'CertificateRenewed',
    ]);
  });

  it('reuses the allocated number after a crash between allocation and issue', async () => {
    await grantedInitialCycle(world.service);
    const crashing = world.reactor({ store: certificateAppendFailingOnce(world.store) });
    await expect(crashing.catchUp()).rejects.toThrow('crash before the certificate append');
    expect(await world.store.readStream('certificatenumbers-default')).toHaveLength(1);
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual([]);

    await world.reactor().catchUp();
    const [issued] = await world.store.readStream('certificate-cert-1');
    expect(issued?.data).toMatchObject({ number: 'CN-20000-00001' });
    expect(await world.store.readStream('certificatenumbers-default')).toHaveLength(1);
  });

  it('gives each certificate its own number', async () => {
    await grantedInitialCycle(world.service);
    await grantedInitialCycle(world.service, {
      organisationId: 'org-2',
      auditCycleId: 'cycle-b',
      certificateId: 'cert-b',
    });
    await world.reactor().catchUp();
    const numbers = await Promise.all(
      ['cert-1', 'cert-b'].map(async (id) => {
        const [issued] = await world.store.readStream(`certificate-${id}`);
        return (issued?.data as { number: string }).number;
      }),
    );
    expect(numbers).toEqual(['CN-20000-00001', 'CN-20000-00002']);
  });

  it('renews the certificate on a recertification granted before expiry', async () => {
    await grantedInitialCycle(world.service);
    const reactor = world.reactor();
    await reactor.catchUp();
    await recertify(world.service, 'cert-1', '2027-01-15');
    expect(await reactor.catchUp()).toBe(1);
    const renewed = (await world.store.readStream('certificate-cert-1')).at(-1);
    expect(renewed?.type).toBe('CertificateRenewed');
    expect(renewed?.metadata.causationId).toBe((await grantOf(world.store, 'cycle-2')).id);
    expect(renewed?.data).toMatchObject({
      number: 'CN-20000-00001',
      revision: 2,
      auditCycleId: 'cycle-2',
      decisionDate: '2027-01-15',
      effectiveDate: '2027-01-15',
      previousExpiryDate: '2027-03-19',
      expiryDate: '2030-03-19',
      originalCertificationDate: '2024-03-20',
    });
    expect(await world.store.readStream('certificatenumbers-default')).toHaveLength(1);
  });

  it('decides again on a certificate another writer changed meanwhile', async () => {
    await grantedInitialCycle(world.service);
    await world.reactor().catchUp();
    await audit(world.service, 'cycle-1', 'special-wider', 'SPECIAL', '2026-11-20', '2026-11-21');
    await recertify(world.service, 'cert-1', '2027-01-15');
    let raced = false;
    const racing = Object.assign(Object.create(world.store) as EventStore, {
      appendToStream: async (...args: Parameters<EventStore['appendToStream']>) => {
        if (!raced && args[0] === 'certificate-cert-1') {
          raced = true;
          await world.service.extendScope(
            { certificateId: 'cert-1', scope: 'wider scope', decisionDate: d('2026-12-01') },
            DECISION_MAKER,
          );
        }
        return world.store.appendToStream(...args);
      },
    });
    expect(await world.reactor({ store: racing }).catchUp()).toBe(1);
    expect(raced).toBe(true);
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual([
      'CertificateIssued',
      'CertificateScopeExtended',
      'CertificateRenewed',
    ]);
    const renewed = (await world.store.readStream('certificate-cert-1')).at(-1);
    expect(renewed?.data).toMatchObject({ revision: 3, expiryDate: '2030-03-19' });
  });

  it('restores the certificate on a recertification granted inside the restoration window', async () => {
    await grantedInitialCycle(world.service);
    const reactor = world.reactor();
    await reactor.catchUp();
    await recertify(world.service, 'cert-1', '2027-05-10');
    await reactor.catchUp();
    const restored = (await world.store.readStream('certificate-cert-1')).at(-1);
    expect(restored?.type).toBe('CertificateRestored');
    expect(restored?.data).toMatchObject({
      decisionDate: '2027-05-10',
      effectiveDate: '2027-05-10',
      previousExpiryDate: '2027-03-19',
      expiryDate: '2030-03-19',
      gap: { from: '2027-03-20', to: '2027-05-09' },
    });
  });

  it('transfers a certificate in with a number of ours, the same cycle and expiry', async () => {
    await readyOrganisation(world.service);
    await reviewedTransfer(world.service);
    await world.service.decideCertification(
      { auditCycleId: 'cycle-t', decision: 'GRANTED', decidedOn: d('2025-01-25'), reasons: [] },
      DECISION_MAKER,
    );
    await world.reactor().catchUp();
    const [transferred] = await world.store.readStream('certificate-cert-t');
    expect(transferred?.type).toBe('CertificateTransferredIn');
    expect(transferred?.data).toMatchObject({
      number: 'CN-20000-00001',
      previousCertificationBodyName: 'Other CB',
      previousCertificateNumber: 'OT-123',
      effectiveDate: '2025-01-25',
      expiryDate: '2027-05-31',
      cycleDecisionDate: '2024-06-01',
      originalCertificationDate: '2024-06-01',
      sites: [{ siteId: 'site-sh', name: 'Shanghai data centre' }],
    });
  });

  it("keeps the client's original certification date on a transferred certificate", async () => {
    await readyOrganisation(world.service);
    await reviewedTransfer(world.service, { originalCertificationDate: d('2018-05-02') });
    await world.service.decideCertification(
      { auditCycleId: 'cycle-t', decision: 'GRANTED', decidedOn: d('2025-01-25'), reasons: [] },
      DECISION_MAKER,
    );
    await world.reactor().catchUp();
    const [transferred] = await world.store.readStream('certificate-cert-t');
    expect(transferred?.data).toMatchObject({
      cycleDecisionDate: '2024-06-01',
      originalCertificationDate: '2018-05-02',
    });
  });

  it('reports a grant the certificate refuses and moves on', async () => {
    await grantedInitialCycle(world.service);
    const reactor = world.reactor();
    await reactor.catchUp();
    await recertify(world.service, 'cert-1', '2027-01-15');
    await world.service.withdrawCertificate(
      {
        certificateId: 'cert-1',
        reason: 'misuse of marks',
        ownFault: true,
        withdrawnOn: d('2027-01-20'),
      },
      DECISION_MAKER,
    );
    expect(await reactor.catchUp()).toBe(1);
    expect(world.rejected).toHaveLength(1);
    expect(world.rejected[0]?.error).toBeInstanceOf(CertificateWithdrawnError);
    expect(world.rejected[0]?.event.id).toBe((await grantOf(world.store, 'cycle-2')).id);
    expect(reactor.checkpoint()).toBe((await grantOf(world.store, 'cycle-2')).position);
    expect(await eventTypes(world.store, 'certificate-cert-1')).toEqual([
      'CertificateIssued',
      'CertificateWithdrawn',
    ]);
  });
});
