import { InvalidEventStoreInputError } from './errors';

const STREAM_NAME = /^([a-z][a-z0-9]*)-([A-Za-z0-9][A-Za-z0-9_.:@-]{0,199})$/;

/** Category of a stream: the part before the first dash (EventStoreDB's convention). */
export const streamCategory = (stream: string): string => {
  const match = STREAM_NAME.exec(stream);
  if (!match?.[1]) {
    throw new InvalidEventStoreInputError(
      'stream',
      `invalid stream name ${JSON.stringify(stream)}: expected "<category>-<id>" with a lower-case ` +
        'category and an id of letters, digits and _ . : @ - (at most 200 characters)',
    );
  }
  return match[1];
};

export const streamName = (category: string, id: string): string => {
  const stream = `${category}-${id}`;
  streamCategory(stream);
  return stream;
};
