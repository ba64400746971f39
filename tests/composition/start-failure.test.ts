import { DataDirInUseError, startFailure } from '../../src/composition';
import { ConfigError } from '../../src/config';
import { ListenError } from '../../src/graphql';

describe('the line a failed start prints', () => {
  it.each([
    [
      new ConfigError('PORT must be a port number'),
      'certcycle: configuration error: PORT must be a port number',
    ],
    [
      new DataDirInUseError('certcycle: the data directory /d is in use by process 7'),
      'certcycle: the data directory /d is in use by process 7',
    ],
    [
      new ListenError('127.0.0.1', 4000, Object.assign(new Error('x'), { code: 'EADDRINUSE' })),
      'certcycle: cannot listen on 127.0.0.1:4000: the port is in use by another process (set PORT)',
    ],
  ])('%s', (error, line) => {
    expect(startFailure(error)).toBe(line);
  });

  it('gives any other error as it is, with its stack', () => {
    const error = new Error('disk full');
    expect(startFailure(error)).toBe(error);
  });
});
