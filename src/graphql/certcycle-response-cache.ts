import { today } from '../application';
import type { ApiDependencies } from './api-dependencies';
import { ResponseCache } from './server';

/**
 * The root query fields answered from the projections' read models alone. Not `me` (the API key),
 * nor the webhook fields: their tables change outside the projections' batches.
 */
export const READ_MODEL_QUERY_FIELDS: ReadonlySet<string> = new Set([
  'auditCycle',
  'certificate',
  'certificateByNumber',
  'certificates',
  'dashboard',
  'organisation',
  'organisations',
  'upcomingDeadlines',
  'verifyCertificate',
]);

/** The cache of whole answers to read-model queries, for the read models and clock of `deps`. */
export const certcycleResponseCache = (deps: ApiDependencies): ResponseCache =>
  new ResponseCache({
    readModels: deps.readModels,
    readModelFields: READ_MODEL_QUERY_FIELDS,
    today: () => today(deps.clock, deps.timeZone),
  });
