import { InvalidEventStoreInputError } from '../errors';

/** The form EventStoreDB hands event ids back in (it stores them as GUIDs, not as text). */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Throws unless every event id is a lower-case hyphenated UUID. The server refuses an id it cannot
 * parse as a GUID (with an error the client reports as unknown), and returns any other GUID
 * spelling (upper case, braces, no hyphens) in this form, so it would not read back as written.
 */
export const assertEventStoreDBIds = (events: readonly { id: string }[]): void => {
  events.forEach(({ id }, index) => {
    if (!CANONICAL_UUID.test(id)) {
      throw new InvalidEventStoreInputError(
        `events[${index}].id`,
        `events[${index}] has id ${JSON.stringify(id)}: EventStoreDB needs a lower-case UUID ` +
          '(e.g. from crypto.randomUUID())',
      );
    }
  });
};
