import { UnavailableError } from '@eventstore/db-client';
import { ConfigError } from '../config';
import { ListenError } from '../graphql/server/listen-error';
import { DamagedStoreError, DataDirInUseError, EventStoreUnreadableError } from './storage';
import { UnsupportedNodeError } from './unsupported-node-error';

/** The first line of a gRPC error, without the empty resolution note its client may end it with. */
const firstLine = (message: string): string =>
  (message.split('\n')[0] ?? '').replace(/ Resolution note: $/, '');

/** The line for a setting to fix, as the service prints it at start and the CLI for any command. */
export const configurationFailure = (error: ConfigError): string =>
  `certcycle: configuration error: ${error.message}`;

/**
 * What a failed start (or CLI command) prints: one line saying what to change for the failures an
 * operator fixes (a Node.js that cannot run the service, a setting, a port, a data directory in
 * use, a store file that is not a database or is damaged, an EventStoreDB server that does not
 * answer or whose log cannot be read), the error itself for anything else.
 */
export const startFailure = (error: unknown): unknown => {
  if (error instanceof DataDirInUseError) return error.message;
  if (error instanceof DamagedStoreError) return `certcycle: ${error.message}`;
  if (error instanceof ListenError) return `certcycle: ${error.message}`;
  if (error instanceof UnsupportedNodeError) return `certcycle: ${error.message}`;
  if (error instanceof ConfigError) return configurationFailure(error);
  if (error instanceof UnavailableError) {
    return (
      `certcycle: EventStoreDB does not answer (${firstLine(error.message)}): check ` +
      'EVENTSTORE_CONNECTION_STRING and that the server runs'
    );
  }
  if (error instanceof EventStoreUnreadableError) {
    return (
      `certcycle: EventStoreDB's log cannot be read (${error.message}): check that ` +
      'EVENTSTORE_CONNECTION_STRING names an EventStoreDB server and that its user may read $all'
    );
  }
  return error;
};
