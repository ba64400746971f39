import { ApplicationMutations } from './application-mutations';
import { AuditMutations } from './audit-mutations';
import { CertificateMutations } from './certificate-mutations';
import { DecisionMutations } from './decision-mutations';
import { OrganisationMutations } from './organisation-mutations';

export * from './read-your-writes';

/** Every mutation resolver class, for the schema. */
export const mutationResolvers = [
  OrganisationMutations,
  ApplicationMutations,
  AuditMutations,
  DecisionMutations,
  CertificateMutations,
] as const;
