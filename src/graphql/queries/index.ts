import { AuditCycleQueries } from './audit-cycle-queries';
import { CertificateFields } from './certificate-fields';
import { CertificateQueries } from './certificate-queries';
import { DashboardQuery } from './dashboard-query';
import { DeadlineQueries } from './deadline-queries';
import { MeResolver } from './me-resolver';
import { OrganisationFields } from './organisation-fields';
import { OrganisationQueries } from './organisation-queries';
import { VerifyCertificateQuery } from './verify-certificate-query';

export * from './certificate-filter-input';

export const queryResolvers = [
  MeResolver,
  OrganisationQueries,
  OrganisationFields,
  CertificateQueries,
  CertificateFields,
  AuditCycleQueries,
  DeadlineQueries,
  DashboardQuery,
  VerifyCertificateQuery,
] as const;
