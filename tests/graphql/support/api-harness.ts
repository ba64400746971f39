import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  CertificateNumberAllocator,
  CertificationOutcomeReactor,
  type LifecycleService,
  lifecycleService,
  SettableClock,
} from '../../../src/application';
import { type CertificationPolicy, DEFAULT_POLICY } from '../../../src/domain';
import { SqliteEventStore } from '../../../src/eventstore';
import {
  type ApiDependencies,
  ApiKeyStore,
  buildCertcycleSchema,
  certcycleResponseCache,
  createApiServer,
  createInMemoryPubSub,
  Role,
} from '../../../src/graphql';
import {
  allProjections,
  auditCycleIdsOfCertificate,
  certificateIdsOfOrganisation,
  openAuditCycleIdsOfOrganisation,
  ProjectionRunner,
} from '../../../src/projections';
import { SecretBox, WebhookDeliveries, WebhookSubscriptions } from '../../../src/webhooks';
import { sqliteCheckpointStore } from '../../application/sqlite-checkpoint-store';
import { type GraphQLResponse, post } from './test-server';

export interface ApiHarnessOptions {
  /** The fixed clock's instant (default 2025-03-01T02:00:00Z). */
  now?: string;
  /** The CB's time zone (default Asia/Shanghai). */
  timeZone?: string;
  /** The organisation the CLIENT key is bound to (default org-acme). */
  clientOrganisationId?: string;
  readYourWritesTimeoutMs?: number;
  /** The certificate number pattern (default `CN-{standardNumber}-{sequence:5}`). */
  numberPattern?: string;
  /** The policy recorded at applications (default DEFAULT_POLICY). */
  policy?: CertificationPolicy;
}

export type Caller = Role | 'ANONYMOUS';

export type ApiHarness = Awaited<ReturnType<typeof startApiHarness>>;

/** Person ids of the harness's keys: `person-admin`, `person-auditor`, ... */
export const personOf = (role: Role): string => `person-${role.toLowerCase().replace('_', '-')}`;

/**
 * The whole API over real HTTP: SQLite event store and read-model files in a temp directory, the
 * projection runner and the certification-outcome reactor following the log, the lifecycle
 * service, the webhook endpoints and deliveries (https only; nothing is ever sent), the certcycle
 * schema and one API key per role.
 */
export const startApiHarness = async (options: ApiHarnessOptions = {}) => {
  const directory = mkdtempSync(join(tmpdir(), 'certcycle-api-'));
  const store = new SqliteEventStore(join(directory, 'events.db'));
  const db = new Database(join(directory, 'read-models.db'));
  const clock = new SettableClock(options.now ?? '2025-03-01T02:00:00Z');
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const runner = new ProjectionRunner({ store, db, projections: allProjections });
  const reactor = new CertificationOutcomeReactor({
    store,
    clock,
    checkpoints: sqliteCheckpointStore(db),
    numbers: new CertificateNumberAllocator({ store, clock }),
    numberPattern: options.numberPattern ?? 'CN-{standardNumber}-{sequence:5}',
    certificationBodyName: 'Example Certification Co.',
  });
  const service: LifecycleService = lifecycleService({
    store,
    clock,
    policy: options.policy ?? DEFAULT_POLICY,
    timeZone,
    checkGrant: (grant, actor) => reactor.check(grant, actor),
    certificatesOf: (organisationId) =>
      Promise.resolve(certificateIdsOfOrganisation(db, organisationId)),
    auditCyclesOf: (certificateId) =>
      Promise.resolve(auditCycleIdsOfCertificate(db, certificateId)),
    auditCyclesOfOrganisation: (organisationId) =>
      Promise.resolve(openAuditCycleIdsOfOrganisation(db, organisationId)),
    readModelsReached: (position) =>
      runner.waitFor(position, options.readYourWritesTimeoutMs ?? 5_000),
  });
  await runner.start();
  reactor.start();

  const apiKeys = new ApiKeyStore(db, () => clock.now());
  const clientOrganisationId = options.clientOrganisationId ?? 'org-acme';
  const createKey = (role: Role, personId = personOf(role), organisationId?: string): string =>
    apiKeys.create({
      personId,
      role,
      ...(role === Role.CLIENT ? { organisationId: organisationId ?? clientOrganisationId } : {}),
    }).key;
  const keys = Object.fromEntries(
    Object.values(Role).map((role) => [role, createKey(role)]),
  ) as Record<Role, string>;

  const pubSub = createInMemoryPubSub();
  const webhooks = {
    subscriptions: new WebhookSubscriptions({ db, clock, secrets: new SecretBox(randomBytes(32)) }),
    deliveries: new WebhookDeliveries(db, clock),
  };
  const deps: ApiDependencies = {
    readModels: db,
    service,
    projections: runner,
    certificationOutcome: reactor,
    eventLog: store,
    clock,
    timeZone,
    readYourWritesTimeoutMs: options.readYourWritesTimeoutMs ?? 5_000,
    pubSub,
    webhooks,
  };
  const internalErrors: unknown[] = [];
  const server = await createApiServer({
    schema: await buildCertcycleSchema(deps),
    responses: certcycleResponseCache(deps),
    apiKeys,
    production: false,
    port: 0,
    readiness: () => ({ ready: true }),
    reportInternalError: (error) => internalErrors.push(error),
  });

  return {
    url: server.url,
    keys,
    clock,
    timeZone,
    service,
    store,
    db,
    runner,
    reactor,
    pubSub,
    webhooks,
    apiKeys,
    deps,
    internalErrors,
    /** A further key, e.g. a CLIENT of another organisation. */
    createKey,
    /** Resolves once the reactor has acted on every grant and the projections reached the log's end. */
    settle: async (): Promise<void> => {
      const grant = (await store.readAll({ eventTypes: ['CertificationGranted'] })).at(-1);
      if (grant) await reactor.waitFor(grant.position, 5_000);
      const head = (await store.readAll()).at(-1);
      if (head) await runner.waitFor(head.position, 5_000);
    },
    /** POSTs a GraphQL document with the key of `caller` (none for ANONYMOUS, or a raw key). */
    query: (
      caller: Caller | { key: string },
      document: string,
      variables?: Record<string, unknown>,
    ): Promise<GraphQLResponse> =>
      post(server.url, document, {
        ...(typeof caller === 'object'
          ? { key: caller.key }
          : caller === 'ANONYMOUS'
            ? {}
            : { key: keys[caller] }),
        ...(variables ? { variables } : {}),
      }),
    close: async (): Promise<void> => {
      await server.close();
      await reactor.stop();
      await runner.stop();
      await store.close();
      db.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
};
