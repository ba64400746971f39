import {
  auditCycleDecider,
  auditCycleDeadlines,
  auditCycleStreamName,
  type CalendarDate,
  type CertificateCommand,
  certificateDecider,
  certificateStreamName,
  deadlineStateOn,
  expiryToRecord,
  missedSurveillanceSuspension,
  overdueMinorsToEscalate,
} from '../../domain';
import type { LifecycleRuntime } from './lifecycle-runtime';
import { loadAuditCycle, loadCertificate } from './load-existing';
import type { OperationContext, OperationResult } from './operation-result';

/** The system actor recorded on automatic suspensions unless the caller names another. */
export const DEADLINE_SCANNER_ACTOR = 'system:deadline-scanner';

/**
 * What the deadline scanner records by itself; each answers null when nothing is to be done, so
 * calling it again the same day is harmless.
 */
export const deadlineScannerOperations = (runtime: LifecycleRuntime) => {
  /** Sends the certificate the command its state called for; null when it called for none. */
  const sendIfAny = (
    certificateId: string,
    command: CertificateCommand | null,
    context: OperationContext,
  ): Promise<OperationResult | null> =>
    command === null
      ? Promise.resolve(null)
      : runtime.run(
          certificateDecider,
          certificateId,
          certificateStreamName(certificateId),
          command,
          context,
        );
  return {
    /**
     * 17021-1 9.6.5: suspends the certificate when a surveillance audit of its current audit cycle
     * is overdue on `asOf` and the certificate's policy has `autoSuspendOnMissedSurveillance` on
     * (null: policy off, nothing overdue, already suspended).
     */
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
      return sendIfAny(certificateId, command, context);
    },

    /**
     * [CB] policy `escalateOverdueMinor`: escalates to major each minor nonconformity of the audit
     * cycle whose response is overdue on `asOf` (`overdueMinorsToEscalate`), one append each, dated
     * `asOf`. Answers the last append and the nonconformities escalated (null: none, or the
     * cycle's policy does not escalate).
     */
    escalateOverdueMinors: async (
      auditCycleId: string,
      asOf: CalendarDate,
      context: OperationContext = { actor: DEADLINE_SCANNER_ACTOR },
    ): Promise<(OperationResult & { ncIds: string[] }) | null> => {
      const cycle = await loadAuditCycle(runtime.store, auditCycleId);
      const ncIds: string[] = [];
      let last: OperationResult | null = null;
      for (const { ncId } of overdueMinorsToEscalate(cycle, asOf)) {
        last = await runtime.run(
          auditCycleDecider,
          auditCycleId,
          auditCycleStreamName(auditCycleId),
          { type: 'EscalateOverdueNonconformity', data: { auditCycleId, ncId, escalatedOn: asOf } },
          context,
        );
        ncIds.push(ncId);
      }
      return last && { ...last, ncIds };
    },

    /**
     * Records the certificate's expiry once its expiry date has passed on `asOf`, so that
     * `certificate.expired` goes out and the recorded status says EXPIRED. Answers null when there
     * is nothing to record (renewed in time, withdrawn, not yet expired, already recorded).
     */
    recordExpiry: async (
      certificateId: string,
      asOf: CalendarDate,
      context: OperationContext = { actor: DEADLINE_SCANNER_ACTOR },
    ): Promise<OperationResult | null> => {
      const certificate = await loadCertificate(runtime.store, certificateId);
      return sendIfAny(certificateId, expiryToRecord(certificate, asOf, context.actor), context);
    },
  };
};
