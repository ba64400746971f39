import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { temporaryDirectory } from '../eventstore/temp-store';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');

/** Runs the service (`src/main.ts`) until it exits; answers its exit code and output. */
const runServiceProcess = async (env: Record<string, string>) => {
  const child = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    [path.join(ROOT, 'src/main.ts')],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
};

describe('a service start that fails', () => {
  const dir = temporaryDirectory('failed-start');
  afterAll(() => dir.remove());

  describe('on a port in use', () => {
    let holder: Server;
    let port: number;
    beforeAll(async () => {
      holder = createServer().listen(0, '127.0.0.1');
      await once(holder, 'listening');
      port = (holder.address() as { port: number }).port;
    });
    afterAll(() => holder.close());

    it('says so in one line and writes nothing to the data directory', async () => {
      const data = dir.file('port-in-use');
      mkdirSync(data);
      const run = await runServiceProcess({
        PORT: String(port),
        HOST: '127.0.0.1',
        CERTCYCLE_DATA_DIR: data,
      });
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `certcycle: cannot listen on 127.0.0.1:${port}: the port is in use by another ` +
          'process (set PORT)\n',
      });
      expect(readdirSync(data)).toEqual([]);
    });
  });

  it('stops with one line when EventStoreDB does not answer, and writes nothing', async () => {
    const data = dir.file('no-eventstoredb');
    mkdirSync(data);
    const run = await runServiceProcess({
      PORT: '0',
      CERTCYCLE_DATA_DIR: data,
      CERTCYCLE_EVENT_STORE: 'eventstoredb',
      // Nothing listens on port 1.
      EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^certcycle: EventStoreDB does not answer \(14 UNAVAILABLE: .*\): check EVENTSTORE_CONNECTION_STRING and that the server runs\n$/,
    );
    expect(readdirSync(data)).toEqual([]);
  });
});
