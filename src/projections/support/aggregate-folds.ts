import {
  type AuditCycleEvent,
  type AuditCycleState,
  type CertificateEvent,
  type CertificateState,
  certificateDecider,
  evolveAuditCycle,
  initialAuditCycleState,
  initialCertificateState,
} from '../../domain';
import type { AggregateFold } from '../runner';

/** Certificate streams, folded by the domain's certificate decider. */
export const certificateFold: AggregateFold<CertificateState> = {
  category: 'certificate',
  initial: initialCertificateState,
  evolve: (state, event) => certificateDecider.evolve(state, event as CertificateEvent),
};

/** Audit-cycle streams, folded by the domain's audit-cycle evolution. */
export const auditCycleFold: AggregateFold<AuditCycleState> = {
  category: 'auditcycle',
  initial: initialAuditCycleState,
  evolve: (state, event) => evolveAuditCycle(state, event as AuditCycleEvent),
};
