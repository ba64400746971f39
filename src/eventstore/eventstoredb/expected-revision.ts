import type { ExpectedVersion } from '../event-store';

/** EventStoreDB's expectation: a keyword, or the revision of the stream's last event (version - 1). */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export const toExpectedRevision = (expected: ExpectedVersion): ExpectedRevision => {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists')
    return expected;
  return expected === 0 ? 'no_stream' : BigInt(expected - 1);
};

/** Port version of an EventStoreDB current revision: "no_stream" is 0, revision r is r + 1. */
export const versionOfRevision = (revision: bigint | string): number =>
  revision === 'no_stream' ? 0 : Number(BigInt(revision)) + 1;
