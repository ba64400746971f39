import type { Config } from '../config';
import { demoBanner } from './demo-banner';
import { startCertcycle } from './start-certcycle';
import { startFailure } from './start-failure';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const EXIT_GRACE_MS = 2000;

/**
 * Runs the service until SIGINT or SIGTERM, then shuts it down gracefully (a second signal exits
 * at once). Exits with 1 when start-up fails.
 */
export const runService = async (config: Config, log = console.log): Promise<void> => {
  const app = await startCertcycle(config, { log });
  log(`certcycle: ${app.storage.description}`);
  log(`certcycle: serving ${app.url} (health: /healthz, readiness: /readyz)`);

  let stopping = false;
  /** Lets stdout drain; exits anyway if a handle still keeps the process alive. */
  const finish = (exitCode: number) => {
    process.exitCode = exitCode;
    setTimeout(() => process.exit(exitCode), EXIT_GRACE_MS).unref();
  };
  const shutDown = (signal: string, exitCode: number) => {
    if (stopping) {
      log(`certcycle: ${signal} again, exiting now`);
      process.exit(exitCode || 1);
    }
    stopping = true;
    log(`certcycle: ${signal}, shutting down`);
    app.close().then(
      () => {
        log('certcycle: stopped');
        finish(exitCode);
      },
      (error: unknown) => {
        console.error('certcycle: shutdown failed:', error);
        finish(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, () => shutDown(signal, 0));

  try {
    const { caughtUp, demo } = await app.ready;
    if (app.demoAdminKey !== null) {
      for (const line of demoBanner(app.url, app.demoAdminKey, demo)) log(line);
    }
    log(`certcycle: ready (applied ${caughtUp} events at start)`);
  } catch (error) {
    const failure = startFailure(error);
    if (typeof failure === 'string') console.error(failure);
    else console.error('certcycle: start-up failed:', failure);
    shutDown('start-up failure', 1);
  }
};
