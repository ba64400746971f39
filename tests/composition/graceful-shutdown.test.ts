import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { temporaryDirectory } from '../eventstore/temp-store';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');

describe('the service process', () => {
  const dir = temporaryDirectory('process');
  afterAll(() => dir.remove());

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves until %s, then shuts down and exits with 0',
    async (signal) => {
      const child = spawn(
        path.join(ROOT, 'node_modules', '.bin', 'tsx'),
        [path.join(ROOT, 'src/main.ts')],
        {
          cwd: ROOT,
          env: { ...process.env, PORT: '0', CERTCYCLE_DATA_DIR: dir.path },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      const ready = new Promise<string>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const url = /serving (http:\/\/\S+)\/graphql/.exec(output)?.[1];
          if (url && output.includes('certcycle: ready')) resolve(url);
        });
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = once(child, 'exit');

      const url = await ready;
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      child.kill(signal);
      const [code, killedBy] = (await exited) as [number | null, string | null];
      expect({ code, killedBy, output }).toEqual({
        code: 0,
        killedBy: null,
        output: expect.stringContaining(
          `certcycle: ${signal}, shutting down\ncertcycle: stopped\n`,
        ) as string,
      });
    },
  );
});
