import { runCli, USAGE } from '../../src/cli';
import { temporaryDirectory } from '../eventstore/temp-store';
import { seedLifecycles } from '../projections/lifecycle-copies';

const run = async (
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
  signal = new AbortController().signal,
) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    progress: { write: () => true },
    signal,
  });
  return { code, out, err };
};

describe('the command line without a command', () => {
  it('prints the usage on standard error and exits with 2, like any other bad usage', async () => {
    expect(await run([])).toEqual({ code: 2, out: [], err: [USAGE] });
  });

  it.each(['help', '--help'])(
    'prints the usage on standard output for %s and exits with 0',
    async (help) => {
      expect(await run([help])).toEqual({ code: 0, out: [USAGE], err: [] });
    },
  );
});

describe('the command line asked for help after a command', () => {
  it.each([
    [['-h']],
    [['api-key', '--help']],
    [['api-key', 'create', '--role', 'AUDITOR', '-h']],
    [['rebuild', '--help']],
  ])(
    'prints the usage on standard output for %j and exits with 0, before reading any setting',
    async (argv) => {
      expect(await run(argv, { CERTCYCLE_EVENT_STORE: 'bogus' })).toEqual({
        code: 0,
        out: [USAGE],
        err: [],
      });
    },
  );

  it('names the projections a rebuild takes', () => {
    expect(USAGE).toContain(
      'organisations, certificates, certificate_history, audit_cycles, deadlines',
    );
  });
});

describe('the command line with a malformed setting', () => {
  it.each([
    [
      ['api-key', 'list'],
      { CERTCYCLE_EVENT_STORE: 'bogus' },
      'CERTCYCLE_EVENT_STORE=bogus is not one of sqlite, eventstoredb',
    ],
    [
      ['rebuild'],
      { CERTCYCLE_TIMEZONE: 'Mars/Base' },
      'CERTCYCLE_TIMEZONE=Mars/Base is not an IANA time zone',
    ],
  ])(
    'answers %j with the configuration error line the service prints at start, and exit code 1',
    async (argv, env, problem) => {
      expect(await run(argv, env)).toEqual({
        code: 1,
        out: [],
        err: [`certcycle: configuration error: ${problem}`],
      });
    },
  );
});

describe('the command line with bad usage and a malformed setting', () => {
  it.each([
    [['rebuld'], 'unknown command rebuld'],
    [['api-key', 'lst'], 'api-key needs create, list or revoke, not lst'],
    [['api-key', 'create', '--role', 'AUDITOR'], 'api-key create needs --role and --person'],
    [['rebuild', 'certificats'], 'unknown projection certificats'],
  ])('reports the usage problem of %j first, and exits with 2', async (argv, problem) => {
    const { code, out, err } = await run(argv, { CERTCYCLE_EVENT_STORE: 'bogus' });
    expect({ code, out }).toEqual({ code: 2, out: [] });
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^certcycle: ${problem}`));
    expect(err[0]).toContain(USAGE);
  });
});

describe('the command line interrupted', () => {
  const dir = temporaryDirectory('run-cli-interrupted');
  afterAll(() => dir.remove());

  it('says a rebuild interrupted before it began changed nothing, and exits with 130', async () => {
    await seedLifecycles(dir.file('certcycle.db'), 1);
    const interrupt = new AbortController();
    interrupt.abort();
    expect(await run(['rebuild'], { CERTCYCLE_DATA_DIR: dir.path }, interrupt.signal)).toEqual({
      code: 130,
      out: [],
      err: ['certcycle: rebuild interrupted before it changed anything'],
    });
  });
});
