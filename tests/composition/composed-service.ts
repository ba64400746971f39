import { type Config, loadConfig } from '../../src/config';
import { type Certcycle, startCertcycle } from '../../src/composition';

export const ADMIN_KEY = 'cc_test-admin-key-0123456789abcdefghijklmnop';
export const NOW = '2026-03-02T09:00:00Z';

/** The configuration a test service runs with: port 0, a temp data dir, a fixed clock. */
export const testConfig = (dataDir: string, env: NodeJS.ProcessEnv = {}): Config =>
  loadConfig({
    PORT: '0',
    CERTCYCLE_DATA_DIR: dataDir,
    CERTCYCLE_ADMIN_API_KEY: ADMIN_KEY,
    CERTCYCLE_NOW: NOW,
    ...env,
  });

export const startQuietly = (config: Config, lines: string[] = []): Promise<Certcycle> =>
  startCertcycle(config, { log: (line) => lines.push(line) });

export const baseUrl = (app: Pick<Certcycle, 'url'>): string => app.url.replace(/\/graphql$/, '');

export const readyz = async (app: Pick<Certcycle, 'url'>) => {
  const response = await fetch(`${baseUrl(app)}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Polls `/readyz` until it answers 200 or `timeoutMs` passes; answers the last answer. */
export const waitUntilReady = async (app: Pick<Certcycle, 'url'>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await readyz(app);
    if (answer.status === 200 || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

export const graphql = async (
  app: Pick<Certcycle, 'url'>,
  query: string,
  variables: Record<string, unknown> = {},
  key: string | null = ADMIN_KEY,
) => {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
};
