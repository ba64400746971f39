import { applicationOperations } from './application-operations';
import { auditOperations } from './audit-operations';
import { certificateOperations } from './certificate-operations';
import { type LifecycleDependencies, lifecycleRuntime } from './lifecycle-runtime';
import { deadlineScannerOperations } from './deadline-scanner-operations';
import { organisationOperations } from './organisation-operations';

/**
 * One function per lifecycle mutation: each loads the facts other aggregates hold, runs the command
 * through the command handler and answers `{ id, version, position }`. Unknown ids raise
 * UnknownAggregateError before anything is written. Certificates are issued, renewed, restored and
 * transferred in by the certification-outcome reactor, not here.
 */
export const lifecycleService = (deps: LifecycleDependencies) => {
  const runtime = lifecycleRuntime(deps);
  return {
    ...organisationOperations(runtime),
    ...applicationOperations(runtime),
    ...auditOperations(runtime),
    ...certificateOperations(runtime),
    ...deadlineScannerOperations(runtime),
  };
};

export type LifecycleService = ReturnType<typeof lifecycleService>;
