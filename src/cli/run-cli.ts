import { type Config, ConfigError, loadConfig } from '../config';
import { configurationFailure } from '../composition/start-failure';
import { DataDirInUseError } from '../composition/storage';
import { ApiError } from '../graphql/errors';
import { apiKeyCommand } from './api-key-commands';
import type { ProgressOutput } from './progress-bar';
import { rebuildCommand, rebuildProjectionNames } from './rebuild-command';
import { RebuildInterruptedError } from './rebuild-interrupted-error';
import { StoreBusyError } from './store-busy-error';
import { USAGE } from './usage';
import { UsageError } from './usage-error';

/** Asks for the usage wherever it stands (`api-key create --help`). */
const HELP = ['--help', '-h'];

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
  progress: ProgressOutput;
  /** Aborted by the operator (SIGINT): a rebuild stops before its next batch and says so. */
  signal: AbortSignal;
}

/** The command with its arguments checked (a UsageError), to run once the settings are read. */
const commandOf = (
  command: string,
  rest: readonly string[],
  io: CliIo,
): ((config: Config) => void | Promise<void>) => {
  if (command === 'api-key') return apiKeyCommand(rest, io);
  if (command === 'rebuild') {
    const names = rebuildProjectionNames(rest);
    return (config) => rebuildCommand(config, names, io);
  }
  throw new UsageError(`unknown command ${command}`);
};

/**
 * Runs one command line; answers the exit code (0 done, 1 failed, 2 bad usage, 130 interrupted,
 * as a shell reports a command that SIGINT ended). Bad usage is reported before any setting is
 * read: a mistyped command is named even where a setting is wrong too.
 */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.err(USAGE);
      return 2;
    }
    if (command === 'help' || argv.some((argument) => HELP.includes(argument))) {
      io.out(USAGE);
      return 0;
    }
    const run = commandOf(command, rest, io);
    await run(loadConfig(io.env));
    return 0;
  } catch (error) {
    if (error instanceof RebuildInterruptedError) {
      io.err(`certcycle: ${error.message}`);
      return 130;
    }
    if (error instanceof UsageError) {
      io.err(`certcycle: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    // A data directory in use and a store locked for a moment are ConfigErrors only to be reported
    // in one line: they are a process to stop or a moment to wait, not a setting to fix.
    if (
      error instanceof ApiError ||
      error instanceof DataDirInUseError ||
      error instanceof StoreBusyError
    ) {
      io.err(`certcycle: ${error.message}`);
      return 1;
    }
    if (error instanceof ConfigError) {
      io.err(configurationFailure(error));
      return 1;
    }
    throw error;
  }
};
