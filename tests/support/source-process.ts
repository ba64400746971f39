import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `src/<entry>` (`main.ts`, `cli/main.ts`) as a child process, its output collected as it comes.
 * Node runs the TypeScript itself, through tsx's require hook rather than tsx's command, which kills
 * a child that does not acknowledge a signal within about 60 ms (as while it applies a batch).
 * `options` are spawn's (`uid` and `gid`, to run as another user).
 */
export const startSourceProcess = (
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
  options: { uid?: number; gid?: number } = {},
) => {
  const child = spawn(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), path.join(ROOT, 'src', entry), ...args],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...options },
  );
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...output }));
  });
  return { child, output, exited };
};

/** `npm run cli -- ...args` as a child process (`startSourceProcess`). */
export const startCliProcess = (args: readonly string[], env: Record<string, string>) =>
  startSourceProcess('cli/main.ts', args, env);

/** Runs `npm run cli -- ...args` as a child process to its end. */
export const runCliProcess = (
  args: readonly string[],
  env: Record<string, string>,
): Promise<CliRun> => startCliProcess(args, env).exited;

/** `name: value` lines of the CLI's output. */
export const fields = (output: string): Record<string, string> =>
  Object.fromEntries(
    output
      .split('\n')
      .map((line) => /^([a-z]+):\s+(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );
