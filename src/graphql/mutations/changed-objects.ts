import { findAuditCycle, findCertificate, findOrganisation } from '../../projections';
import type { ApiDependencies } from '../api-dependencies';
import {
  type AuditCycle,
  type Certificate,
  type Organisation,
  toAuditCycleType,
  toCertificateType,
  toOrganisationType,
} from '../types';

/**
 * The object a mutation changed, read back from the read models after the read-your-writes wait.
 * Missing there after the wait is a bug, not a user error.
 */
export class ChangedObjects {
  constructor(private readonly deps: Pick<ApiDependencies, 'readModels'>) {}

  organisation(organisationId: string): Organisation {
    const view = findOrganisation(this.deps.readModels, organisationId);
    if (!view) throw missing('organisation', organisationId);
    return toOrganisationType(view);
  }

  auditCycle(auditCycleId: string): AuditCycle {
    const view = findAuditCycle(this.deps.readModels, auditCycleId);
    if (!view) throw missing('audit cycle', auditCycleId);
    return toAuditCycleType(view);
  }

  certificate(certificateId: string): Certificate {
    const view = findCertificate(this.deps.readModels, certificateId);
    if (!view) throw missing('certificate', certificateId);
    return toCertificateType(view);
  }
}

const missing = (what: string, id: string): Error =>
  new Error(`${what} ${id} was written but is missing from the read models`);
