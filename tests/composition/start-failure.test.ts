import { UnavailableError } from '@eventstore/db-client';
import { DataDirInUseError, EventStoreUnreadableError, startFailure } from '../../src/composition';
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

  it('says when EventStoreDB does not answer, with the first line of its error', () => {
    const error = new UnavailableError(
      Object.assign(new Error('14 UNAVAILABLE: No connection established\n  at …'), {
        code: 14,
        details: 'No connection established',
        metadata: undefined,
      }) as never,
    );
    expect(startFailure(error)).toBe(
      'certcycle: EventStoreDB does not answer (14 UNAVAILABLE: No connection established): ' +
        'check EVENTSTORE_CONNECTION_STRING and that the server runs',
    );
  });

  it("leaves out the gRPC client's empty resolution note when EventStoreDB does not answer", () => {
    const error = new UnavailableError(
      Object.assign(
        new Error(
          '14 UNAVAILABLE: No connection established. Last error: Error: connect ECONNREFUSED ' +
            '127.0.0.1:2113. Resolution note: ',
        ),
        { code: 14, details: 'No connection established', metadata: undefined },
      ) as never,
    );
    expect(startFailure(error)).toBe(
      'certcycle: EventStoreDB does not answer (14 UNAVAILABLE: No connection established. Last ' +
        'error: Error: connect ECONNREFUSED 127.0.0.1:2113.): check EVENTSTORE_CONNECTION_STRING ' +
        'and that the server runs',
    );
  });

  it('says when the EventStoreDB address answers without the log, with the first line of its error', () => {
    const error = new EventStoreUnreadableError(
      new Error('12 UNIMPLEMENTED: Received HTTP status code 404\n  at …'),
    );
    expect(startFailure(error)).toBe(
      "certcycle: EventStoreDB's log cannot be read (12 UNIMPLEMENTED: Received HTTP status code 404): " +
        'check that EVENTSTORE_CONNECTION_STRING names an EventStoreDB server and that its user may read $all',
    );
  });

  it('gives any other error as it is, with its stack', () => {
    const error = new Error('disk full');
    expect(startFailure(error)).toBe(error);
  });
});
