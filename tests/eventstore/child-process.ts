import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface FixtureProcess {
  child: ChildProcess;
  /** Complete lines printed so far. */
  lines: string[];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits until the condition holds; fails at once if the process exits first. */
  waitFor(what: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
}

/** Runs a TypeScript fixture from tests/eventstore/fixtures in its own Node process. */
export const runFixture = (fixture: string, args: string[]): FixtureProcess => {
  const child = spawn(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), join(__dirname, 'fixtures', fixture), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let hasExited = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
    }),
  );
  const waitFor = async (what: string, condition: () => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (hasExited) throw new Error(`${fixture} exited before ${what}:\n${stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { child, lines, stderr: () => stderr, exited, waitFor };
};
