import type { LifecycleService, OperationResult } from '../application';
import type { CalendarDate } from '../domain';
import type { OpenDeadlineView } from '../projections';

/** What the deadline scan records by itself for a certificate whose open deadline calls for it. */
interface ScannerAction {
  /** Whether this open deadline (seen by the scan of `asOf`) asks for the action. */
  wants(deadline: OpenDeadlineView, asOf: CalendarDate): boolean;
  /** Asks the service, which decides from the certificate's own state (null: nothing done). */
  run(certificateId: string, asOf: CalendarDate): Promise<OperationResult | null>;
  /** The log line of a recorded action. */
  done(deadline: OpenDeadlineView, asOf: CalendarDate): string;
  /** The log line of a failed one. */
  failed(certificateId: string, message: string): string;
}

type ScannerService = Pick<LifecycleService, 'suspendForMissedSurveillance' | 'recordExpiry'>;

const overdue = (deadline: OpenDeadlineView, asOf: CalendarDate) => deadline.dueDate < asOf;

/**
 * The automatic suspension for a missed surveillance audit of an ACTIVE certificate, and the
 * record of every expiry, from the day after the expiry date, of a certificate whose recorded
 * status does not say so yet. Whether a missed surveillance suspends is the certificate's own
 * policy (`autoSuspendOnMissedSurveillance`, recorded at its application), which the service
 * checks: the running profile may have changed since.
 */
const actionsFor = (service: ScannerService): ScannerAction[] => [
  {
    wants: (deadline, asOf) =>
      deadline.type === 'SURVEILLANCE_AUDIT_DUE' &&
      overdue(deadline, asOf) &&
      deadline.certificateStatus === 'ACTIVE',
    run: (certificateId, asOf) => service.suspendForMissedSurveillance(certificateId, asOf),
    done: ({ certificateId, dueDate }, asOf) =>
      `certcycle: suspended certificate ${certificateId} on ${asOf}: surveillance audit due by ${dueDate} was missed`,
    failed: (certificateId, message) =>
      `certcycle: automatic suspension of ${certificateId} failed: ${message}`,
  },
  {
    wants: (deadline, asOf) =>
      deadline.type === 'CERTIFICATE_EXPIRY' &&
      overdue(deadline, asOf) &&
      (deadline.certificateStatus === 'ACTIVE' || deadline.certificateStatus === 'SUSPENDED'),
    run: (certificateId, asOf) => service.recordExpiry(certificateId, asOf),
    done: ({ certificateId, dueDate }, asOf) =>
      `certcycle: recorded the expiry of certificate ${certificateId} on ${asOf} (expiry date ${dueDate})`,
    failed: (certificateId, message) =>
      `certcycle: recording the expiry of ${certificateId} failed: ${message}`,
  },
];

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Collects, during a scan, the open deadlines that ask for an action, then runs each action once
 * per certificate and day: a certificate the service found nothing to do for is not asked again
 * that day.
 */
export const scannerActions = (service: ScannerService, log: (line: string) => void) => {
  const actions = actionsFor(service);
  const pending: { action: ScannerAction; deadline: OpenDeadlineView }[] = [];
  let askedOn: CalendarDate | null = null;
  const asked = new Map<ScannerAction, Set<string>>();
  return {
    see(deadline: OpenDeadlineView, asOf: CalendarDate): void {
      for (const action of actions) {
        if (action.wants(deadline, asOf)) pending.push({ action, deadline });
      }
    },
    async run(asOf: CalendarDate): Promise<void> {
      if (askedOn !== asOf) asked.clear();
      askedOn = asOf;
      for (const { action, deadline } of pending.splice(0)) {
        const certificates = asked.get(action) ?? new Set<string>();
        asked.set(action, certificates);
        if (certificates.has(deadline.certificateId)) continue;
        certificates.add(deadline.certificateId);
        try {
          if (await action.run(deadline.certificateId, asOf)) log(action.done(deadline, asOf));
        } catch (error) {
          log(action.failed(deadline.certificateId, messageOf(error)));
        }
      }
    },
    /** Forgets what a failed scan collected. */
    clear(): void {
      pending.length = 0;
    },
  };
};
