import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LifecycleService, OperationResult } from '../application';
import type { CalendarDate } from '../domain';
import type { GlobalPosition } from '../eventstore';
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

/**
 * Deadlines read between two turns of the event loop: a store can hold tens of thousands overdue
 * (the bench's, 100,000 certificates), and requests are served meanwhile.
 */
const DEADLINES_PER_TURN = 2000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs, for the open deadlines that ask for an action, each action once per certificate and day:
 * a certificate the service found nothing to do for is not asked again that day. `deadlines` is
 * read lazily, a page at a time (`openDeadlines` keeps no query open between pages). Answers the
 * position of the last append (null: nothing appended); the actions run one after another, so
 * read models holding it hold every append of the run.
 */
export const scannerActions = (service: ScannerService, log: (line: string) => void) => {
  const actions = actionsFor(service);
  let askedOn: CalendarDate | null = null;
  const asked = new Map<ScannerAction, Set<string>>();
  return async (
    deadlines: Iterable<OpenDeadlineView>,
    asOf: CalendarDate,
  ): Promise<GlobalPosition | null> => {
    if (askedOn !== asOf) asked.clear();
    askedOn = asOf;
    const wanted: { action: ScannerAction; deadline: OpenDeadlineView }[] = [];
    let read = 0;
    for (const deadline of deadlines) {
      for (const action of actions) {
        if (action.wants(deadline, asOf)) wanted.push({ action, deadline });
      }
      if (++read % DEADLINES_PER_TURN === 0) await nextTurn();
    }
    let last: GlobalPosition | null = null;
    for (const { action, deadline } of wanted) {
      const certificates = asked.get(action) ?? new Set<string>();
      asked.set(action, certificates);
      if (certificates.has(deadline.certificateId)) continue;
      certificates.add(deadline.certificateId);
      try {
        const result = await action.run(deadline.certificateId, asOf);
        if (!result) continue;
        log(action.done(deadline, asOf));
        last = result.position ?? last;
      } catch (error) {
        log(action.failed(deadline.certificateId, messageOf(error)));
      }
    }
    return last;
  };
};
