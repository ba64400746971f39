import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ConfigError } from '../../src/config';
import { calendarDate } from '../../src/domain';
import { type Certcycle, DataDirInUseError, LOCK_FILE } from '../../src/composition';
import { temporaryDirectory } from '../eventstore/temp-store';
import {
  ADMIN_KEY,
  baseUrl,
  graphql,
  readyz,
  startQuietly,
  testConfig,
  waitUntilReady,
} from './composed-service';

const ORGANISATION = `query ($id: ID!) { organisation(id: $id) { id legalName version } }`;
const REGISTER_ORGANISATION = `mutation ($input: RegisterOrganisationInput!) {
  registerOrganisation(input: $input) { id }
}`;

const registerOrganisation = (app: Certcycle) =>
  app.service.registerOrganisation(
    {
      organisationId: 'org-kept',
      legalName: 'Kept Across Restarts Ltd',
      registrationNumber: '12345678',
      country: 'GB',
      address: '1 Example Street, London',
      registeredOn: calendarDate('2026-02-01'),
    },
    { actor: 'admin' },
  );

/** Listens on `port` and closes again: rejects when the port is in use. */
const listenOnce = async (port: number): Promise<number> => {
  const server = createServer().listen(port, '127.0.0.1');
  await once(server, 'listening');
  const { port: bound } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return bound;
};

describe('the composed service', () => {
  const dir = temporaryDirectory('composed');
  let app: Certcycle | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(() => dir.remove());

  it('serves /healthz, turns ready and answers GraphQL with the configured admin key', async () => {
    app = await startQuietly(testConfig(dir.path));
    const health = await fetch(`${baseUrl(app)}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await waitUntilReady(app)).toEqual({ status: 200, body: { status: 'ready' } });

    expect(await graphql(app, '{ me { personId role } }')).toEqual({
      data: { me: { personId: 'admin', role: 'ADMIN' } },
    });
    const anonymous = await graphql(app, '{ me { personId } }', {}, null);
    expect(anonymous.errors).toBeDefined();
  });

  it('keeps its data over a restart and is ready without replaying the log', async () => {
    app = await startQuietly(testConfig(dir.path));
    await app.ready;
    const { position } = await registerOrganisation(app);
    await app.runner.waitFor(position!, 5000);
    await app.close();

    app = await startQuietly(testConfig(dir.path));
    expect((await app.ready).caughtUp).toBe(0);
    expect((await waitUntilReady(app)).status).toBe(200);
    expect(await graphql(app, ORGANISATION, { id: 'org-kept' })).toEqual({
      data: { organisation: { id: 'org-kept', legalName: 'Kept Across Restarts Ltd', version: 1 } },
    });
  });

  it('catches up at start with events appended while it was down', async () => {
    const other = temporaryDirectory('composed-catch-up');
    try {
      app = await startQuietly(testConfig(other.path));
      await app.ready;
      await app.runner.stop();
      await registerOrganisation(app);
      await app.close();

      app = await startQuietly(testConfig(other.path));
      expect((await app.ready).caughtUp).toBe(1);
      const answer = await graphql(app, ORGANISATION, { id: 'org-kept' });
      expect(answer.data).toEqual({
        organisation: { id: 'org-kept', legalName: 'Kept Across Restarts Ltd', version: 1 },
      });
    } finally {
      await app?.close();
      app = undefined;
      other.remove();
    }
  });

  it('reports not ready, with the reason, once a follower of the log has stopped', async () => {
    const broken = temporaryDirectory('composed-broken');
    try {
      app = await startQuietly(testConfig(broken.path));
      await app.ready;
      await app.storage.store.appendToStream('auditcycle-broken', [
        {
          id: '00000000-0000-4000-8000-000000000001',
          type: 'CertificationGranted',
          data: { auditCycleId: 'broken', organisationId: 'org-missing', outcome: 'ISSUE' },
          metadata: {
            correlationId: 'c-1',
            causationId: null,
            actor: 'test',
            recordedAt: '2026-03-02T09:00:00.000Z',
          },
        },
      ]);
      const deadline = Date.now() + 5000;
      let answer = await readyz(app);
      while (answer.status === 200 && Date.now() < deadline) answer = await readyz(app);
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({
        status: 'not ready',
        reason: expect.stringMatching(/stopped: /) as string,
      });
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      broken.remove();
    }
  });

  it('says in its log when the projection runner stops for good, not only on /readyz', async () => {
    const broken = temporaryDirectory('composed-runner-failure');
    const lines: string[] = [];
    try {
      app = await startQuietly(
        testConfig(broken.path, { CERTCYCLE_READ_YOUR_WRITES_TIMEOUT_MS: '100' }),
        lines,
      );
      await app.ready;
      app.storage.readModels.exec('ALTER TABLE rm_organisations RENAME TO rm_organisations_gone');
      await registerOrganisation(app).catch(() => undefined);
      const deadline = Date.now() + 5000;
      while (app.runner.error === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setImmediate(resolve));
      // Run after other suites in one jest worker, better-sqlite3's errors come from another realm
      // and are not `instanceof Error`: their name then comes with the message.
      const stopped =
        'the projection runner stopped: (SqliteError: )?no such table: rm_organisations$';
      expect(lines.filter((line) => line.startsWith('certcycle: the projection runner'))).toEqual([
        expect.stringMatching(new RegExp(`^certcycle: ${stopped}`)),
      ]);
      expect((await readyz(app)).body).toEqual({
        status: 'not ready',
        reason: expect.stringMatching(new RegExp(`^${stopped}`)) as unknown,
      });
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      broken.remove();
    }
  });

  it('answers mutations at once with SERVICE_UNAVAILABLE once the projection runner stopped, not after a read-model timeout', async () => {
    const broken = temporaryDirectory('composed-runner-failure-mutations');
    try {
      app = await startQuietly(testConfig(broken.path));
      await app.ready;
      app.storage.readModels.exec('ALTER TABLE rm_organisations RENAME TO rm_organisations_gone');
      for (const organisationId of ['org-in-flight', 'org-after']) {
        const started = performance.now();
        const answer = await graphql(app, REGISTER_ORGANISATION, {
          input: { organisationId, legalName: 'Too Late Ltd', country: 'GB', address: '1 High St' },
        });
        expect(performance.now() - started).toBeLessThan(2500);
        expect(answer.errors).toEqual([
          expect.objectContaining({
            message:
              'the read models stopped following the event log (see /readyz): restart the ' +
              'service. A change answered so may have been recorded all the same: read it again, ' +
              'once the service is back, before repeating it',
            extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) as unknown,
          }),
        ]);
      }
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      broken.remove();
    }
  });

  it('refuses to start with a bootstrap admin key that is too short, before writing anything', async () => {
    const empty = temporaryDirectory('composed-short-key');
    try {
      await expect(
        startQuietly(testConfig(empty.path, { CERTCYCLE_ADMIN_API_KEY: 'short' })),
      ).rejects.toThrow(
        new ConfigError(
          'CERTCYCLE_ADMIN_API_KEY: the admin API key must be at least 32 characters without spaces',
        ),
      );
      expect(readdirSync(empty.path)).toEqual([]);
    } finally {
      empty.remove();
    }
  });

  it('refuses a data directory another service holds, freeing its own port and leaving the lock', async () => {
    app = await startQuietly(testConfig(dir.path));
    await app.ready;
    const port = await listenOnce(0);
    await expect(startQuietly(testConfig(dir.path, { PORT: String(port) }))).rejects.toThrow(
      DataDirInUseError,
    );
    expect(readFileSync(dir.file(LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    await expect(listenOnce(port)).resolves.toBe(port);
    expect((await readyz(app)).status).toBe(200);
  });

  it('accepts no key when no admin key is configured and none was ever registered', async () => {
    const fresh = temporaryDirectory('composed-no-admin');
    try {
      app = await startQuietly(testConfig(fresh.path, { CERTCYCLE_ADMIN_API_KEY: '' }));
      await app.ready;
      expect(app.apiKeys.list()).toEqual([]);
      expect((await graphql(app, '{ me { role } }', {}, ADMIN_KEY)).errors).toBeDefined();
    } finally {
      await app?.close();
      app = undefined;
      fresh.remove();
    }
  });
});
