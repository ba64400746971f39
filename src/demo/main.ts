import 'reflect-metadata';
import { runService } from '../composition';
import { ConfigError, loadConfig } from '../config';

/** `npm run demo`: the service with CERTCYCLE_DEMO=1, whatever the shell. */
const main = async (): Promise<void> => {
  await runService(loadConfig({ ...process.env, CERTCYCLE_DEMO: '1' }));
};

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? `certcycle: configuration error: ${error.message}` : error,
  );
  process.exitCode = 1;
});
