import type { Config } from '../config';
import { demoBanner, unfinishedDemoWarning } from './demo-banner';
import { type Certcycle, startCertcycle } from './start-certcycle';
import { startFailure } from './start-failure';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const EXIT_GRACE_MS = 2000;

const reportFailure = (error: unknown): void => {
  const failure = startFailure(error);
  if (typeof failure === 'string') console.error(failure);
  else console.error('certcycle: start-up failed:', failure);
};

/**
 * Runs the service until SIGINT or SIGTERM, then shuts it down gracefully (a second signal exits
 * at once). A signal during start-up abandons the start, whatever phase it is in. Exits with 1
 * when start-up fails.
 */
export const runService = async (config: Config, log = console.log): Promise<void> => {
  const stopRequested = new AbortController();
  const starting = startCertcycle(config, { log, signal: stopRequested.signal });

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
    stopRequested.abort();
    const stopped = () => {
      log('certcycle: stopped');
      finish(exitCode);
    };
    starting.then(
      (app) =>
        app.close().then(stopped, (error: unknown) => {
          console.error('certcycle: shutdown failed:', error);
          finish(1);
        }),
      (error: unknown) => {
        if (error === stopRequested.signal.reason) return stopped();
        reportFailure(error);
        finish(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => shutDown(signal, 0);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  let app: Certcycle;
  try {
    app = await starting;
  } catch (error) {
    if (stopping) return;
    for (const signal of SIGNALS) process.off(signal, onSignal);
    throw error;
  }
  log(`certcycle: ${app.storage.description}`);
  log(`certcycle: serving ${app.url} (health: /healthz, readiness: /readyz)`);

  try {
    const report = await app.ready;
    if (stopping) return;
    if (app.demoAdminKey !== null) {
      for (const line of demoBanner(app.url, app.demoAdminKey, report, config)) log(line);
    } else if (report.demoUnfinished) {
      log(`certcycle: warning: ${unfinishedDemoWarning(config)}`);
    }
    log(`certcycle: ready (applied ${report.caughtUp} events at start)`);
  } catch (error) {
    if (stopping) return;
    reportFailure(error);
    shutDown('start-up failure', 1);
  }
};
