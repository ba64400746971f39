import 'reflect-metadata';
import { startFailure } from '../composition/start-failure';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  progress: process.stderr,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(startFailure(error));
    process.exitCode = 1;
  },
);
