import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { temporaryDirectory } from '../eventstore/temp-store';
import { seedLifecycles } from '../projections/lifecycle-copies';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');

/** Children still running when a test ends (it failed before stopping them). */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * The service (`src/main.ts`) in a child process, its output collected. Node runs it itself, not
 * through tsx's command, which kills a child that does not acknowledge a signal within about 60 ms
 * (as while it applies a batch).
 */
const startServiceProcess = (env: Record<string, string>) => {
  const child = spawn(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), path.join(ROOT, 'src/main.ts')],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  child.on('exit', () => running.delete(child));
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = once(child, 'close').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as string | null,
    ...output,
  }));
  return { child, output, exited };
};

describe('a stop while the service starts', () => {
  const dir = temporaryDirectory('stop-during-start');
  afterAll(() => dir.remove());

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'abandons opening a silent EventStoreDB on %s: exits with 0, writing nothing',
    async (signal) => {
      const sockets: Socket[] = [];
      const silent = createServer((socket) => sockets.push(socket)).listen(0, '127.0.0.1');
      await once(silent, 'listening');
      const connected = once(silent, 'connection');
      const data = dir.file(`silent-${signal}`);
      mkdirSync(data);
      try {
        const service = startServiceProcess({
          PORT: '0',
          CERTCYCLE_DATA_DIR: data,
          CERTCYCLE_EVENT_STORE: 'eventstoredb',
          EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${(silent.address() as AddressInfo).port}?tls=false`,
        });
        await connected;
        const stoppedAt = Date.now();
        service.child.kill(signal);
        expect(await service.exited).toEqual({
          code: 0,
          signal: null,
          stdout: `certcycle: ${signal}, shutting down\ncertcycle: stopped\n`,
          stderr: '',
        });
        expect(Date.now() - stoppedAt).toBeLessThan(5000);
        expect(readdirSync(data)).toEqual([]);
      } finally {
        for (const socket of sockets) socket.destroy();
        silent.close();
      }
    },
  );

  it('answers /readyz, and /graphql with 503, while catching up, and stops before the next batch on SIGTERM', async () => {
    const data = dir.file('catching-up');
    mkdirSync(data);
    const total = await seedLifecycles(path.join(data, 'certcycle.db'), 1500);
    const service = startServiceProcess({
      PORT: '0',
      CERTCYCLE_DATA_DIR: data,
      CERTCYCLE_WEBHOOKS: '0',
    });
    const url = await new Promise<string>((resolve) => {
      service.child.stdout.on('data', () => {
        const serving = /serving (http:\/\/\S+)\/graphql/.exec(service.output.stdout)?.[1];
        if (serving) resolve(serving);
      });
    });
    const readiness = await fetch(`${url}/readyz`);
    expect({ status: readiness.status, body: await readiness.json() }).toEqual({
      status: 503,
      body: { status: 'not ready', reason: 'catching up with the event log' },
    });
    const query = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect({ status: query.status, body: await query.json() }).toEqual({
      status: 503,
      body: {
        errors: [
          expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } }) as unknown,
        ],
      },
    });
    service.child.kill('SIGTERM');
    const { code, signal, stdout } = await service.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stdout).toContain('certcycle: SIGTERM, shutting down\ncertcycle: stopped\n');
    expect(stdout).not.toContain('certcycle: ready');

    const db = new Database(path.join(data, 'certcycle.db'), { readonly: true });
    try {
      const { position } = db
        .prepare<[], { position: string | null }>(
          "SELECT position FROM projection_checkpoints WHERE name = 'deadlines'",
        )
        .get()!;
      expect(Number(position ?? 0)).toBeLessThan(total);
    } finally {
      db.close();
    }
  });
});
