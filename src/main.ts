import 'reflect-metadata';
import { runService } from './composition';
import { ConfigError, loadConfig } from './config';

const main = async (): Promise<void> => {
  await runService(loadConfig());
};

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? `certcycle: configuration error: ${error.message}` : error,
  );
  process.exitCode = 1;
});
