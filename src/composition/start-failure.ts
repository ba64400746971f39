import { ConfigError } from '../config';
import { ListenError } from '../graphql';
import { DataDirInUseError } from './storage';

/**
 * What a failed start prints: one line saying what to change for the failures an operator fixes
 * (a setting, a port, a data directory in use), the error itself for anything else.
 */
export const startFailure = (error: unknown): unknown => {
  if (error instanceof DataDirInUseError) return error.message;
  if (error instanceof ListenError) return `certcycle: ${error.message}`;
  if (error instanceof ConfigError) return `certcycle: configuration error: ${error.message}`;
  return error;
};
