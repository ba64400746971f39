import {
  type CertificationOutcomeReactor,
  type LifecycleService,
  lifecycleService,
  today,
} from '../application';
import { type Config, ConfigError } from '../config';
import { seedDemoDataIfEmpty, type DemoSeedReport } from '../demo';
import {
  type ApiDependencies,
  ApiKeyStore,
  certcycleResponseCache,
  listenForApi,
  createInMemoryPubSub,
  AdminApiKeyError,
  checkAdminApiKeyFormat,
  ensureAdminApiKey,
  replaceDemoAdminApiKey,
} from '../graphql';
import { buildCertcycleSchema } from '../graphql/certcycle-schema';
import { type CertificateStatusFeed, startCertificateStatusFeed } from '../graphql/live';
import {
  allProjections,
  auditCycleIdsOfCertificate,
  certificateIdsOfOrganisation,
  openAuditCycleIdsOfOrganisation,
  ProjectionRunner,
} from '../projections';
import { SecretBox, WebhookDeliveries, WebhookSubscriptions } from '../webhooks';
import { certificationOutcomeReactor } from './certification-outcome-reactor';
import { clockFor } from './clock-for';
import { demoSeedingMark } from './demo-seeding-mark';
import { policyFor } from './policy-for';
import { openStorage, type Storage } from './storage';
import { reconnectReporting } from './reconnect-reporting';
import { ServiceHealth } from './service-health';
import { startWebhookMachinery, type WebhookMachinery } from './webhook-machinery';
import {
  checkWebhookSecretKeyFile,
  warnOfUnreadableSecrets,
  webhookSecretKey,
} from './webhook-secret-key';

/** Runs a check of the configured bootstrap key; an unusable key is a configuration error. */
const adminKeyOrConfigError = (check: () => unknown): void => {
  try {
    check();
  } catch (error) {
    if (error instanceof AdminApiKeyError) {
      throw new ConfigError(`CERTCYCLE_ADMIN_API_KEY: ${error.message}`);
    }
    throw error;
  }
};

export interface StartupReport {
  /** Events the projections applied while catching up at start. */
  caughtUp: number;
  /** Null unless demo data was seeded now. */
  demo: DemoSeedReport | null;
  /** The store holds part of the demo data: a demo seeding here was cut short (a crash, a kill). */
  demoUnfinished: boolean;
}

export interface Certcycle {
  /** `http://<host>:<port>/graphql`. */
  readonly url: string;
  /** The ADMIN key to print in demo mode (configured or generated); null otherwise. */
  readonly demoAdminKey: string | null;
  readonly storage: Storage;
  readonly apiKeys: ApiKeyStore;
  readonly runner: ProjectionRunner;
  readonly reactor: CertificationOutcomeReactor;
  readonly service: LifecycleService;
  readonly health: ServiceHealth;
  /** Webhook endpoints and their deliveries. */
  readonly webhooks: {
    readonly subscriptions: WebhookSubscriptions;
    readonly deliveries: WebhookDeliveries;
    /** Fan-out, dispatcher and reminder scanner, once started (null while starting or off). */
    readonly machinery: WebhookMachinery | null;
  };
  /**
   * Settles once start-up is done: caught up, following the log, demo data seeded. A `close`
   * before then stops the catch-up before its next batch, or what follows the demo data (which is
   * seeded whole), and rejects it with an AbortError.
   */
  readonly ready: Promise<StartupReport>;
  /** Stops serving, then stops following the log and closes the store. Safe to call twice. */
  close(): Promise<void>;
}

export interface CertcycleOptions {
  log?: (line: string) => void;
  /**
   * Abandons the start before it resolves: what was opened is closed, nothing more is written to
   * the data directory, and the start rejects with the signal's reason. Once it has resolved,
   * `close` stops what is still starting.
   */
  signal?: AbortSignal;
}

/**
 * The composition root: event store, read models, projection runner, certification-outcome
 * reactor, lifecycle service, API keys and the GraphQL server. The server listens first, so a
 * port in use stops the start before the data directory is touched; `/readyz` answers 503 while
 * the store opens and says ready once the projections have caught up and follow the log live.
 * GraphQL is served from then on: before, queries would read models still behind the log, and
 * commands whose checks read them (a certificate id already reserved) could pass wrongly.
 */
export const startCertcycle = async (
  config: Config,
  { log = console.log, signal }: CertcycleOptions = {},
): Promise<Certcycle> => {
  const { adminApiKey } = config;
  if (adminApiKey !== null) adminKeyOrConfigError(() => checkAdminApiKeyFormat(adminApiKey));
  checkWebhookSecretKeyFile(config);
  const health = new ServiceHealth();
  const listener = await listenForApi({
    port: config.port,
    host: config.host,
    production: config.production,
    readiness: health.readiness,
    corsOrigins: config.corsOrigins,
  });
  health.starting('opening the store');
  const storage = await openStorage(config, { signal }).catch(async (error: unknown) => {
    await listener.close();
    throw error;
  });
  const { store, readModels } = storage;
  try {
    const clock = clockFor(config);
    const policy = policyFor(config);
    const reconnect = reconnectReporting(health, log, config.reconnectBackoff);
    const runner = new ProjectionRunner({
      store,
      db: readModels,
      projections: allProjections,
      reconnect: reconnect('the projection runner'),
    });
    health.follow(runner);
    const reactor = certificationOutcomeReactor({
      store,
      readModels,
      clock,
      config,
      log,
      reconnect: reconnect('the certification-outcome reactor'),
    });
    const service = lifecycleService({
      store,
      clock,
      policy,
      timeZone: config.timeZone,
      checkGrant: (grant, actor) => reactor.check(grant, actor),
      certificatesOf: (organisationId) =>
        Promise.resolve(certificateIdsOfOrganisation(readModels, organisationId)),
      auditCyclesOf: (certificateId) =>
        Promise.resolve(auditCycleIdsOfCertificate(readModels, certificateId)),
      auditCyclesOfOrganisation: (organisationId) =>
        Promise.resolve(openAuditCycleIdsOfOrganisation(readModels, organisationId)),
      readModelsReached: (position) => runner.waitFor(position, config.readYourWritesTimeoutMs),
    });
    const apiKeys = new ApiKeyStore(readModels, () => clock.now());
    const adminKey = config.adminApiKey ?? (config.demo ? replaceDemoAdminApiKey(apiKeys) : null);
    if (adminApiKey !== null) adminKeyOrConfigError(() => ensureAdminApiKey(apiKeys, adminApiKey));
    const pubSub = createInMemoryPubSub();
    const secrets = new SecretBox(webhookSecretKey(config, log));
    const webhooks = {
      subscriptions: new WebhookSubscriptions({
        db: readModels,
        clock,
        secrets,
        allowHttp: config.webhooks.allowHttp,
        allowedAddresses: config.webhooks.allowedAddresses,
      }),
      deliveries: new WebhookDeliveries(readModels, clock),
      machinery: null as WebhookMachinery | null,
    };
    const apiDependencies: ApiDependencies = {
      readModels,
      service,
      projections: runner,
      certificationOutcome: reactor,
      eventLog: store,
      clock,
      timeZone: config.timeZone,
      readYourWritesTimeoutMs: config.readYourWritesTimeoutMs,
      pubSub,
      webhooks,
    };
    const api = {
      schema: await buildCertcycleSchema(apiDependencies),
      responses: certcycleResponseCache(apiDependencies),
      apiKeys,
    };
    signal?.throwIfAborted();

    const watch = (component: string, done: Promise<void>) =>
      done.catch((error: unknown) => {
        health.failed(component, error);
        log(`certcycle: ${health.failureReason}`);
      });
    let feed: CertificateStatusFeed | undefined;
    const stopping = new AbortController();
    const startUp = async (): Promise<StartupReport> => {
      const stop = stopping.signal;
      health.starting('catching up with the event log');
      const caughtUp = await runner.catchUp({ signal: stop });
      await runner.start(stop);
      void watch('the projection runner', runner.done);
      feed = startCertificateStatusFeed({
        store,
        pubSub,
        after: runner.position,
        reconnect: reconnect('the certificate status feed'),
      });
      void watch('the certificate status feed', feed.done);
      reactor.start();
      void watch('the certification-outcome reactor', reactor.done);
      let demo: DemoSeedReport | null = null;
      const mark = demoSeedingMark(config.dataDir);
      if (config.demo) {
        health.starting('seeding demo data');
        demo = await seedDemoDataIfEmpty({
          store,
          service,
          reactor,
          policy,
          today: today(clock, config.timeZone),
          timeoutMs: config.readYourWritesTimeoutMs,
          log,
          mark,
        });
        if (demo) await runner.waitFor(demo.lastPosition, config.readYourWritesTimeoutMs);
      }
      const demoUnfinished =
        demo === null && mark.isSet() && (await store.readAll({ limit: 1 })).length > 0;
      stop.throwIfAborted();
      if (config.webhooks.enabled) {
        health.starting('starting webhook delivery and the deadline reminder scan');
        warnOfUnreadableSecrets(webhooks.subscriptions.withUnreadableSecrets(), log);
        webhooks.machinery = await startWebhookMachinery({
          store,
          readModels,
          clock,
          timeZone: config.timeZone,
          policy,
          service,
          readModelsReached: (position) => runner.waitFor(position, config.readYourWritesTimeoutMs),
          pubSub,
          secrets,
          config: config.webhooks,
          log,
          reconnect: reconnect('the webhook fan-out'),
          onFailure: (component, error) => {
            health.failed(component, error);
            log(`certcycle: ${health.failureReason}`);
          },
        });
      } else {
        log('certcycle: webhook delivery and deadline reminders are off (CERTCYCLE_WEBHOOKS=0)');
      }
      stop.throwIfAborted();
      await listener.serve(api);
      health.started();
      return { caughtUp, demo, demoUnfinished };
    };
    const ready = startUp();
    ready.catch((error: unknown) => {
      if (!stopping.signal.aborted) health.failed('start-up', error);
    });

    let closing: Promise<void> | undefined;
    const close = async () => {
      stopping.abort();
      await listener.close();
      await ready.catch(() => undefined);
      await webhooks.machinery?.stop();
      await feed?.stop();
      await reactor.stop();
      await runner.stop();
      await storage.close();
    };
    return {
      url: listener.url,
      demoAdminKey: config.demo ? adminKey : null,
      storage,
      apiKeys,
      runner,
      reactor,
      service,
      health,
      webhooks,
      ready,
      close: () => (closing ??= close()),
    };
  } catch (error) {
    await listener.close();
    await storage.close();
    throw error;
  }
};
