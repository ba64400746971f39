import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkNodeSupport, UnsupportedNodeError } from '../../src/composition';
import { temporaryDirectory } from '../eventstore/temp-store';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const NEEDS =
  'cannot require() ES modules, which certcycle needs: use Node.js 20.19 or later in the 20 ' +
  'line, or 22.12 or later (without --no-experimental-require-module)';

describe('the Node.js the service runs on', () => {
  it('is refused when it cannot require() an ES module (before 20.19), naming its version', () => {
    expect(() => checkNodeSupport('v20.18.1', { require_module: false })).toThrow(
      new UnsupportedNodeError(`Node.js v20.18.1 ${NEEDS}`),
    );
    expect(() => checkNodeSupport('v20.19.0', { require_module: true })).not.toThrow();
  });

  it.each(['src/main.ts', 'src/demo/main.ts'])(
    'stops %s with one line before listening or touching the data directory',
    async (entry) => {
      const dir = temporaryDirectory('old-node');
      const dataDir = dir.file('data');
      try {
        const child = spawn(
          process.execPath,
          [
            '--no-experimental-require-module',
            '--require',
            require.resolve('tsx/cjs'),
            path.join(ROOT, entry),
          ],
          {
            cwd: ROOT,
            env: { ...process.env, PORT: '0', CERTCYCLE_DATA_DIR: dataDir },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('certcycle: serving')) child.kill('SIGKILL');
        });
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const [code] = (await once(child, 'close')) as [number | null];
        expect({ code, stdout, stderr }).toEqual({
          code: 1,
          stdout: '',
          stderr: `certcycle: Node.js ${process.version} ${NEEDS}\n`,
        });
        expect(existsSync(dataDir)).toBe(false);
      } finally {
        dir.remove();
      }
    },
  );
});
