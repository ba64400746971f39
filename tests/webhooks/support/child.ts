import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface Child {
  lines: string[];
  kill(): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  waitFor(what: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
}

/** Runs a TypeScript fixture from tests/webhooks/fixtures in its own Node process. */
export const runChild = (fixture: string, args: string[]): Child => {
  const child = spawn(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), join(__dirname, '..', 'fixtures', fixture), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  let exited = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) =>
      child.on('close', (code, signal) => {
        exited = true;
        resolve({ code, signal, stderr });
      }),
  );
  return {
    lines,
    kill: () => child.kill('SIGKILL'),
    exited: done,
    waitFor: async (what, condition, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (exited) throw new Error(`${fixture} exited before ${what}:\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
};
