import 'reflect-metadata';
import { checkNodeSupport, runService, startFailure } from '../composition';
import { loadConfig } from '../config';

/** `npm run demo`: the service with CERTCYCLE_DEMO=1, whatever the shell. */
const main = async (): Promise<void> => {
  checkNodeSupport();
  await runService(loadConfig({ ...process.env, CERTCYCLE_DEMO: '1' }));
};

main().catch((error: unknown) => {
  console.error(startFailure(error));
  process.exitCode = 1;
});
