import type { Database } from 'better-sqlite3';
import {
  type CertificateView,
  findCertificates,
  findOrganisations,
  type OrganisationSiteView,
  type OrganisationView,
  sitesOfOrganisations,
} from '../../projections';
import { BatchLoader } from './batch-loader';

/** The objects one request's resolvers read by id, each kind batched into one query per pass. */
export interface RequestLoaders {
  certificates: BatchLoader<string, CertificateView>;
  organisations: BatchLoader<string, OrganisationView>;
  organisationSites: BatchLoader<string, OrganisationSiteView[]>;
}

const perContext = new WeakMap<object, RequestLoaders>();

/** The loaders of this request's context, made on first use. */
export const requestLoadersOf = (context: object, db: Database): RequestLoaders => {
  let loaders = perContext.get(context);
  if (loaders === undefined) {
    loaders = {
      certificates: new BatchLoader((ids) => findCertificates(db, ids)),
      organisations: new BatchLoader((ids) => findOrganisations(db, ids)),
      organisationSites: new BatchLoader((ids) => sitesOfOrganisations(db, ids)),
    };
    perContext.set(context, loaders);
  }
  return loaders;
};
