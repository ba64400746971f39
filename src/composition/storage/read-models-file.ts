import path from 'node:path';
import type { Config } from '../../config';

/**
 * The read-model file: the event store's own file in embedded mode (one file, one connection),
 * `read-models.db` beside an EventStoreDB.
 */
export const readModelsFile = ({
  dataDir,
  eventStore,
}: Pick<Config, 'dataDir' | 'eventStore'>): string =>
  path.join(dataDir, eventStore === 'eventstoredb' ? 'read-models.db' : 'certcycle.db');
