import type { Database } from 'better-sqlite3';
import {
  CertificateNumberAllocator,
  CertificationOutcomeReactor,
  type Clock,
} from '../application';
import type { Config } from '../config';
import type { EventStore, ReconnectOptions } from '../eventstore';
import { sqliteCheckpointStore } from './storage';

export interface ReactorParts {
  store: EventStore;
  readModels: Database;
  clock: Clock;
  config: Pick<Config, 'certificateNumberPattern' | 'certificationBodyName'>;
  log: (line: string) => void;
  reconnect?: ReconnectOptions;
}

/** Issues, renews, restores and transfers in certificates on granted decisions. */
export const certificationOutcomeReactor = ({
  store,
  readModels,
  clock,
  config,
  log,
  reconnect,
}: ReactorParts): CertificationOutcomeReactor =>
  new CertificationOutcomeReactor({
    store,
    clock,
    checkpoints: sqliteCheckpointStore(readModels),
    numbers: new CertificateNumberAllocator({ store, clock }),
    numberPattern: config.certificateNumberPattern,
    certificationBodyName: config.certificationBodyName,
    reconnect,
    onRejected: (event, error) =>
      log(
        `certcycle: the certificate refused grant ${event.id} (${event.stream}): ${error.message}`,
      ),
  });
