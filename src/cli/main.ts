import 'reflect-metadata';
import { startFailure } from '../composition/start-failure';
import { runCli } from './run-cli';

const interrupt = new AbortController();
// Only the first SIGINT: a second one gets Node's default, ending the process at once.
process.once('SIGINT', () => interrupt.abort());

runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  progress: process.stderr,
  signal: interrupt.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(startFailure(error));
    process.exitCode = 1;
  },
);
