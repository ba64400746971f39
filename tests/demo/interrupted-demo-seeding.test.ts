import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Certcycle, demoBanner, demoSeedingMarkFile } from '../../src/composition';
import { searchOrganisations } from '../../src/projections';
import { NOW, startQuietly, testConfig } from '../composition/composed-service';
import { temporaryDirectory } from '../eventstore/temp-store';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const DEMO_ENV = { CERTCYCLE_DEMO: '1', CERTCYCLE_NOW: NOW };

/** `npm run demo` in a child process, killed (no chance to finish) once one organisation is in. */
const killDemoWhileSeeding = async (dataDir: string): Promise<void> => {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), path.join(ROOT, 'src/demo/main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', CERTCYCLE_DATA_DIR: dataDir, CERTCYCLE_NOW: NOW },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = once(child, 'close');
  let stdout = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('certcycle demo: ')) resolve();
    });
    child.on('close', () => reject(new Error(`the demo exited before seeding:\n${stdout}`)));
  });
  child.kill('SIGKILL');
  await exited;
};

describe('a demo start killed while it seeds', () => {
  const dir = temporaryDirectory('demo-killed');
  let app: Certcycle | undefined;
  afterAll(async () => {
    await app?.close();
    dir.remove();
  });

  it('leaves a store that later starts report as part of the demo, saying what to do', async () => {
    await killDemoWhileSeeding(dir.path);
    expect(existsSync(demoSeedingMarkFile(dir.path))).toBe(true);

    const lines: string[] = [];
    const config = testConfig(dir.path, DEMO_ENV);
    app = await startQuietly(config, lines);
    const report = await app.ready;
    expect(report).toMatchObject({ demo: null, demoUnfinished: true });
    expect(
      searchOrganisations(app.storage.readModels, '', { first: 100 }).items.length,
    ).toBeLessThan(12);
    expect(demoBanner(app.url, app.demoAdminKey!, report, config)[0]).toBe(
      'certcycle demo: the store holds only part of the demo data: an earlier demo start stopped ' +
        'while seeding it (it is not seeded again into a store with events). For the whole demo, ' +
        `stop the service, delete ${dir.path} and run the demo again`,
    );
    await app.close();

    app = await startQuietly(testConfig(dir.path));
    expect(await app.ready).toMatchObject({ demoUnfinished: true });
  });

  it('is seeded whole once the data directory is deleted, leaving no mark', async () => {
    await app?.close();
    dir.remove();
    app = await startQuietly(testConfig(dir.path, DEMO_ENV));
    expect(await app.ready).toMatchObject({
      demo: { organisations: 12 },
      demoUnfinished: false,
    });
    expect(existsSync(demoSeedingMarkFile(dir.path))).toBe(false);
  });
});
