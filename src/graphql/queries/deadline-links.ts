import type { Database } from 'better-sqlite3';
import {
  type CertificateView,
  findCertificates,
  findOrganisations,
  type OrganisationView,
} from '../../projections';
import { BatchLoader } from './batch-loader';

/** Loaders of the certificates and organisations deadlines link to, one set per request. */
export interface DeadlineLinks {
  certificates: BatchLoader<string, CertificateView>;
  organisations: BatchLoader<string, OrganisationView>;
}

const perContext = new WeakMap<object, DeadlineLinks>();

/** The loaders of this request's context, made on first use. */
export const deadlineLinksOf = (context: object, db: Database): DeadlineLinks => {
  let links = perContext.get(context);
  if (links === undefined) {
    links = {
      certificates: new BatchLoader((ids) => findCertificates(db, ids)),
      organisations: new BatchLoader((ids) => findOrganisations(db, ids)),
    };
    perContext.set(context, links);
  }
  return links;
};
