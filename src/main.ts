import 'reflect-metadata';
import { checkNodeSupport, runService, startFailure } from './composition';
import { loadConfig } from './config';

const main = async (): Promise<void> => {
  checkNodeSupport();
  await runService(loadConfig());
};

main().catch((error: unknown) => {
  console.error(startFailure(error));
  process.exitCode = 1;
});
