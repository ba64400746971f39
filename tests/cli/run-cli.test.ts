import { runCli, USAGE } from '../../src/cli';

const run = async (argv: readonly string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: {},
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    progress: { write: () => true },
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
