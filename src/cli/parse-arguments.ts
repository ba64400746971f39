import { UsageError } from './usage-error';

export interface ParsedArguments {
  positionals: string[];
  options: Map<string, string>;
}

/** `--name value` and `--name=value` options, the rest positional; options take one value each. */
export const parseArguments = (
  argv: readonly string[],
  allowed: readonly string[],
): ParsedArguments => {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (!argument.startsWith('--')) {
      positionals.push(argument);
      continue;
    }
    const [name = '', inline] = argument.slice(2).split(/=(.*)/s, 2);
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
    // A value is never an option: `--role --person x` lacks the role, rather than naming it "--person".
    const value = inline ?? (argv[index + 1]?.startsWith('--') ? undefined : argv[++index]);
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    if (options.has(name)) throw new UsageError(`--${name} is given twice`);
    options.set(name, value);
  }
  return { positionals, options };
};
