import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError } from '../../config';
import { readModelsFile } from './read-models-file';

/**
 * Refuses a data directory that holds only the other event store's file: a start that forgot
 * CERTCYCLE_EVENT_STORE would otherwise serve an empty embedded store beside an EventStoreDB's
 * read models, and take writes there that the EventStoreDB never sees (or, the other way round,
 * leave an embedded store's events unread).
 */
export const checkEventStoreMatches = ({ dataDir, eventStore }: Config): void => {
  const embedded = readModelsFile({ dataDir, eventStore: 'sqlite' });
  const besideEventStoreDB = readModelsFile({ dataDir, eventStore: 'eventstoredb' });
  const [own, other] =
    eventStore === 'sqlite' ? [embedded, besideEventStoreDB] : [besideEventStoreDB, embedded];
  if (existsSync(own) || !existsSync(other)) return;
  const found = `CERTCYCLE_DATA_DIR ${dataDir} holds ${path.basename(other)}`;
  throw new ConfigError(
    eventStore === 'sqlite'
      ? `${found}, the read models of an EventStoreDB, and no ${path.basename(own)}: set ` +
          'CERTCYCLE_EVENT_STORE=eventstoredb and EVENTSTORE_CONNECTION_STRING, or use another ' +
          'directory for an embedded store'
      : `${found}, an embedded store, and no ${path.basename(own)}: unset ` +
          'CERTCYCLE_EVENT_STORE (or set it to sqlite), or use another directory beside an ' +
          'EventStoreDB',
  );
};
