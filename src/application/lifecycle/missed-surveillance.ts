import {
  auditCycleDeadlines,
  type CalendarDate,
  certificateDecider,
  certificateStreamName,
  deadlineStateOn,
  missedSurveillanceSuspension,
} from '../../domain';
import type { LifecycleRuntime } from './lifecycle-runtime';
import { loadAuditCycle, loadCertificate } from './load-existing';
import type { OperationContext, OperationResult } from './operation-result';

/** The system actor recorded on automatic suspensions unless the caller names another. */
export const DEADLINE_SCANNER_ACTOR = 'system:deadline-scanner';

/**
 * 17021-1 9.6.5: suspends the certificate when a surveillance audit of its current audit cycle is
 * overdue on `asOf` and the certificate's policy has `autoSuspendOnMissedSurveillance` on. Answers
 * null when nothing is to be done (policy off, nothing overdue, already suspended): calling it
 * again the same day is harmless.
 */
export const missedSurveillanceOperations = (runtime: LifecycleRuntime) => ({
  suspendForMissedSurveillance: async (
    certificateId: string,
    asOf: CalendarDate,
    context: OperationContext = { actor: DEADLINE_SCANNER_ACTOR },
  ): Promise<OperationResult | null> => {
    const certificate = await loadCertificate(runtime.store, certificateId);
    const cycle = await loadAuditCycle(runtime.store, certificate.auditCycleId);
    const overdue = auditCycleDeadlines(cycle)
      .filter((deadline) => deadline.type === 'SURVEILLANCE_AUDIT_DUE')
      .find((deadline) => deadlineStateOn(deadline, asOf).state === 'OVERDUE');
    if (!overdue) return null;
    const command = missedSurveillanceSuspension(
      certificate,
      { surveillanceDueDate: overdue.dueDate, asOf, subject: overdue.subject },
      context.actor,
    );
    if (!command) return null;
    return runtime.run(
      certificateDecider,
      certificateId,
      certificateStreamName(certificateId),
      command,
      context,
    );
  },
});
