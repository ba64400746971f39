import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
/** Loaded before the measured child's own code: prints its peak RSS at exit. */
const PEAK_RSS_PRELOAD =
  'data:text/javascript,process.on("exit",()=>process.stderr.write(' +
  '`BENCH_PEAK_RSS=${process.resourceUsage().maxRSS*1024}\\n`))';

export const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

const hasTaskset = () => spawnSync('taskset', ['--version']).status === 0;
/**
 * BENCH_PIN=1: the measured server runs on CPU 0 and the load generator on CPU 1. Off by default:
 * pinned, the server loses the second core its GC and I/O threads otherwise use (measured: the
 * mutation's ratio fell), so the default leaves both processes to the scheduler.
 */
const PIN = process.env.BENCH_PIN === '1' && cpus().length >= 2 && hasTaskset();
const SERVER_CPU = PIN ? 0 : null;
const CLIENT_CPU = PIN ? 1 : null;

/**
 * Pins this process (every thread: autocannon runs here) to the load generator's CPU, so that
 * server and client do not take turns on one core and each scenario sees the same split.
 * Answers what it did, for the report.
 */
export const pinLoadGenerator = (): string => {
  if (CLIENT_CPU === null) return 'server and load generator unpinned (BENCH_PIN=1 pins them)';
  execFileSync('taskset', ['-a', '-p', '-c', String(CLIENT_CPU), String(process.pid)]);
  return `server pinned to CPU ${SERVER_CPU}, load generator (this process) to CPU ${CLIENT_CPU}`;
};

/**
 * Compiles src with the project's build configuration (as `npm start` does) into `outDir`, so the
 * measured processes run plain JavaScript, not a TypeScript loader, and nobody's `dist/` is touched.
 */
export const buildInto = (outDir: string): number => {
  const start = process.hrtime.bigint();
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (tsc.status !== 0) {
    // tsc emits despite type errors (files others are editing); only a missing entry point is fatal.
    const errors = tsc.stdout.split('\n').filter((line) => line.includes('error TS'));
    const files = new Set(errors.map((line) => line.split('(')[0]));
    console.log(`  tsc: ${errors.length} type errors in ${[...files].join(', ')} (emitted anyway)`);
  }
  try {
    readFileSync(join(outDir, 'main.js'));
  } catch {
    throw new Error(`the build wrote no ${join(outDir, 'main.js')}`);
  }
  return seconds(start);
};

/** The environment of a measured child: the repository's node_modules for the compiled code. */
export const childEnv = (env: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_PATH: join(ROOT, 'node_modules'),
  NODE_ENV: 'production',
  ...env,
});

export interface RebuildRun {
  seconds: number;
  peakRss: number;
  /** The CLI's own summary line. */
  summary: string;
}

/** `rebuild` (all projections) with the compiled CLI in a child process. */
export const runRebuild = (buildDir: string, env: NodeJS.ProcessEnv): RebuildRun => {
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ['--import', PEAK_RSS_PRELOAD, join(buildDir, 'cli', 'main.js'), 'rebuild'],
    { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const elapsed = seconds(start);
  if (child.status !== 0) {
    throw new Error(`rebuild failed (${child.status}): ${child.stderr}\n${child.stdout}`);
  }
  const peak = /BENCH_PEAK_RSS=(\d+)/.exec(child.stderr)?.[1];
  return { seconds: elapsed, peakRss: Number(peak ?? NaN), summary: child.stdout.trim() };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Server {
  child: ChildProcess;
  baseUrl: string;
  /** Seconds from spawn to the first `/readyz` 200. */
  readySeconds: number;
  output: () => string;
  stop(): Promise<void>;
}

/** The options `npm start` gives node (package.json: `node <options> dist/main.js`). */
export const serviceNodeOptions = (): string[] => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const options = /\bnode((?: --?[\w-]+(?:=\S+)?)*) dist\/main\.js/.exec(scripts.start ?? '');
  if (!options) throw new Error(`no "node ... dist/main.js" in the start script: ${scripts.start}`);
  return options[1]!.split(' ').filter((option) => option !== '');
};

/**
 * Spawns `node <buildDir>/main.js` with the options of `npm start` (and `nodeOptions`) and polls
 * `/readyz` every 10 ms until it answers 200.
 */
export const startServer = async (
  buildDir: string,
  env: NodeJS.ProcessEnv,
  port: number,
  nodeOptions: string[] = [],
): Promise<Server> => {
  const start = process.hrtime.bigint();
  const command = [
    process.execPath,
    ...serviceNodeOptions(),
    ...nodeOptions,
    join(buildDir, 'main.js'),
  ];
  const pinned = SERVER_CPU === null ? command : ['taskset', '-c', String(SERVER_CPU), ...command];
  const child = spawn(pinned[0]!, pinned.slice(1), {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited at start:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (seconds(start) > 120) throw new Error(`the service was not ready in 120 s:\n${output}`);
    await sleep(10);
  }
  return {
    child,
    baseUrl,
    readySeconds: seconds(start),
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};

/** VmHWM (peak) and VmRSS (now) of a process, in bytes. */
export const memoryOf = (pid: number): { peak: number; now: number } => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peak: kb('VmHWM') * 1024, now: kb('VmRSS') * 1024 };
};

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
/** User and system CPU seconds the process has used so far. */
export const cpuSecondsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/**
 * Waits until the service's first deadline-reminder scan has logged its result, then until the
 * process uses under 10% of a core over half a second (what the scan found to do is done), at
 * most `limitSeconds` in all; answers the seconds waited. CPU alone cannot tell: a scan reading
 * cold pages from disk uses little of it.
 */
export const waitUntilIdle = async (server: Server, limitSeconds = 120): Promise<number> => {
  const start = process.hrtime.bigint();
  const pid = server.child.pid!;
  while (!/deadline reminders on/.test(server.output()) && seconds(start) < limitSeconds) {
    await sleep(100);
  }
  let before = cpuSecondsOf(pid);
  while (seconds(start) < limitSeconds) {
    await sleep(500);
    const now = cpuSecondsOf(pid);
    if (now - before < 0.05) break;
    before = now;
  }
  return seconds(start);
};
