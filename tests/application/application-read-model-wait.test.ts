import Database from 'better-sqlite3';
import {
  CertificateIdReservedError,
  type LifecycleService,
  lifecycleService,
  ReadModelsBehindError,
  SettableClock,
} from '../../src/application';
import { ApplicationAlreadyOpenError, DEFAULT_POLICY } from '../../src/domain';
import { SqliteEventStore } from '../../src/eventstore';
import {
  allProjections,
  auditCycleIdsOfCertificate,
  certificateIdsOfOrganisation,
  openAuditCycleIdsOfOrganisation,
  ProjectionRunner,
} from '../../src/projections';
import { temporaryDirectory } from '../eventstore/temp-store';
import { ADMIN, d, readyOrganisation, SCOPE, STANDARD } from './lifecycle-fixtures';

/**
 * The lifecycle service over a real SQLite log and read models, whose checks read the read
 * models of a projection runner that is not started until the test starts it: read models
 * behind the log, as behind a slow projection. `timeoutMs` bounds each wait for them.
 */
const behindTheLog = (name: string, timeoutMs: number) => {
  const dir = temporaryDirectory(name);
  const store = new SqliteEventStore(dir.file('events.db'));
  const db = new Database(dir.file('read-models.db'));
  const runner = new ProjectionRunner({ store, db, projections: allProjections });
  const service: LifecycleService = lifecycleService({
    store,
    clock: new SettableClock('2030-01-10T08:00:00Z'),
    policy: DEFAULT_POLICY,
    certificatesOf: (organisationId) =>
      Promise.resolve(certificateIdsOfOrganisation(db, organisationId)),
    auditCyclesOf: (certificateId) =>
      Promise.resolve(auditCycleIdsOfCertificate(db, certificateId)),
    auditCyclesOfOrganisation: (organisationId) =>
      Promise.resolve(openAuditCycleIdsOfOrganisation(db, organisationId)),
    readModelsReached: (position) => runner.waitFor(position, timeoutMs),
  });
  const apply = (auditCycleId: string, organisationId = 'org-1', certificateId?: string) =>
    service.submitApplication(
      {
        auditCycleId,
        organisationId,
        ...(certificateId === undefined ? {} : { certificateId }),
        standard: STANDARD,
        scope: SCOPE,
        sites: ['site-bj'],
        submittedOn: d('2024-01-10'),
      },
      ADMIN,
    );
  const applications = async () =>
    (await store.readAll({ eventTypes: ['ApplicationSubmitted'] })).map(
      (event) => (event.data as { auditCycleId: string }).auditCycleId,
    );
  const close = async () => {
    await runner.stop();
    await store.close();
    db.close();
    dir.remove();
  };
  return { service, runner, apply, applications, close };
};

describe('applications sent at once while the read models are behind the log', () => {
  it('checks the second once the read models hold the first, and refuses it', async () => {
    const world = behindTheLog('application-read-models-behind', 60_000);
    try {
      await readyOrganisation(world.service);
      const outcomes = Promise.allSettled([world.apply('cycle-1'), world.apply('cycle-2')]);
      for (;;) {
        if ((await world.applications()).length > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await world.runner.start();
      const [first, second] = await outcomes;
      expect(first).toMatchObject({ status: 'fulfilled', value: { id: 'cycle-1' } });
      expect(second).toEqual({
        status: 'rejected',
        reason: new ApplicationAlreadyOpenError({
          auditCycleId: 'cycle-1',
          kind: 'INITIAL',
          standard: STANDARD,
          submittedOn: d('2024-01-10'),
        }),
      });
      expect(await world.applications()).toEqual(['cycle-1']);
    } finally {
      await world.close();
    }
  });

  it('records nothing for the second when the wait for the first timed out, and refuses it once they hold it', async () => {
    const world = behindTheLog('application-read-models-timeout', 50);
    try {
      await readyOrganisation(world.service);
      const [first, second] = await Promise.allSettled([
        world.apply('cycle-1'),
        world.apply('cycle-2'),
      ]);
      expect(first).toMatchObject({
        status: 'rejected',
        reason: { name: 'ReadModelTimeoutError' },
      });
      expect(second).toMatchObject({ status: 'rejected' });
      expect((second as PromiseRejectedResult).reason).toBeInstanceOf(ReadModelsBehindError);
      expect(await world.applications()).toEqual(['cycle-1']);
      await world.runner.start();
      await expect(world.apply('cycle-2')).rejects.toThrow(ApplicationAlreadyOpenError);
      expect(await world.applications()).toEqual(['cycle-1']);
    } finally {
      await world.close();
    }
  });

  it('records nothing for an application naming the certificate id of one whose wait timed out', async () => {
    const world = behindTheLog('certificate-id-read-models-timeout', 50);
    try {
      await readyOrganisation(world.service, 'org-1');
      await readyOrganisation(world.service, 'org-2');
      const [first, second] = await Promise.allSettled([
        world.apply('cycle-1', 'org-1', 'cert-shared'),
        world.apply('cycle-2', 'org-2', 'cert-shared'),
      ]);
      expect(first).toMatchObject({
        status: 'rejected',
        reason: { name: 'ReadModelTimeoutError' },
      });
      expect((second as PromiseRejectedResult).reason).toBeInstanceOf(ReadModelsBehindError);
      expect(await world.applications()).toEqual(['cycle-1']);
      await world.runner.start();
      await expect(world.apply('cycle-2', 'org-2', 'cert-shared')).rejects.toThrow(
        CertificateIdReservedError,
      );
      expect(await world.applications()).toEqual(['cycle-1']);
    } finally {
      await world.close();
    }
  });
});
