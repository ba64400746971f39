import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LifecycleService, OperationResult } from '../application';
import type { CalendarDate } from '../domain';
import type { GlobalPosition } from '../eventstore';
import type { OpenDeadlineView } from '../projections';

/** An action recorded: its append's position and the log line that says what it did. */
interface Recorded {
  position: GlobalPosition | null;
  line: string;
}

/** What the deadline scan records by itself for an aggregate whose open deadline calls for it. */
interface ScannerAction {
  /**
   * The aggregate this open deadline (seen by the scan of `asOf`) asks the action for, which it
   * runs for once a day; null when it asks for none.
   */
  wants(deadline: OpenDeadlineView, asOf: CalendarDate): string | null;
  /** Asks the service, which decides from the aggregate's own state (null: nothing done). */
  run(id: string, deadline: OpenDeadlineView, asOf: CalendarDate): Promise<Recorded | null>;
  /** The log line of a failed one. */
  failed(id: string, message: string): string;
}

type ScannerService = Pick<
  LifecycleService,
  'suspendForMissedSurveillance' | 'recordExpiry' | 'escalateOverdueMinors'
>;

/** Whether the policy recorded at the application calls for the action (from the read models). */
export interface RecordedPolicies {
  /** The certificate's policy suspends it for a missed surveillance audit. */
  suspends(certificateId: string): boolean;
  /** The audit cycle's policy escalates its overdue minor nonconformities. */
  escalates(auditCycleId: string): boolean;
}

const overdue = (deadline: OpenDeadlineView, asOf: CalendarDate) => deadline.dueDate < asOf;

/** The record of an operation the service answered, with its log line (null: nothing done). */
const recorded = <R extends OperationResult>(
  result: R | null,
  line: (result: R) => string,
): Recorded | null => result && { position: result.position, line: line(result) };

/**
 * The automatic suspension for a missed surveillance audit of an ACTIVE certificate, the record of
 * every expiry, from the day after the expiry date, of a certificate whose recorded status does
 * not say so yet, and the escalation of minor nonconformities whose response is overdue. Whether a
 * missed surveillance suspends, or an overdue minor becomes major, is the policy recorded at the
 * application (`autoSuspendOnMissedSurveillance`, `escalateOverdueMinor`), which the service
 * checks: the running configuration may have changed since. `policies` answers both from the
 * read models, so a certificate or cycle whose policy calls for neither is not loaded at all.
 */
const actionsFor = (service: ScannerService, policies: RecordedPolicies): ScannerAction[] => [
  {
    wants: (deadline, asOf) =>
      deadline.type === 'SURVEILLANCE_AUDIT_DUE' &&
      overdue(deadline, asOf) &&
      deadline.certificateStatus === 'ACTIVE' &&
      policies.suspends(deadline.certificateId)
        ? deadline.certificateId
        : null,
    run: async (certificateId, { dueDate }, asOf) =>
      recorded(
        await service.suspendForMissedSurveillance(certificateId, asOf),
        () =>
          `certcycle: suspended certificate ${certificateId} on ${asOf}: surveillance audit due by ${dueDate} was missed`,
      ),
    failed: (certificateId, message) =>
      `certcycle: automatic suspension of ${certificateId} failed: ${message}`,
  },
  {
    wants: (deadline, asOf) =>
      deadline.type === 'CERTIFICATE_EXPIRY' &&
      overdue(deadline, asOf) &&
      (deadline.certificateStatus === 'ACTIVE' || deadline.certificateStatus === 'SUSPENDED')
        ? deadline.certificateId
        : null,
    run: async (certificateId, { dueDate }, asOf) =>
      recorded(
        await service.recordExpiry(certificateId, asOf),
        () =>
          `certcycle: recorded the expiry of certificate ${certificateId} on ${asOf} (expiry date ${dueDate})`,
      ),
    failed: (certificateId, message) =>
      `certcycle: recording the expiry of ${certificateId} failed: ${message}`,
  },
  {
    wants: (deadline, asOf) =>
      deadline.type === 'NC_RESPONSE_DUE' &&
      overdue(deadline, asOf) &&
      deadline.auditCycleId !== null &&
      policies.escalates(deadline.auditCycleId)
        ? deadline.auditCycleId
        : null,
    run: async (auditCycleId, _deadline, asOf) =>
      recorded(
        await service.escalateOverdueMinors(auditCycleId, asOf),
        ({ ncIds }) =>
          `certcycle: escalated minor nonconformit${ncIds.length === 1 ? 'y' : 'ies'} ` +
          `${ncIds.join(', ')} of audit cycle ${auditCycleId} to major on ${asOf}: no corrective-action plan accepted by the response due date`,
      ),
    failed: (auditCycleId, message) =>
      `certcycle: escalating the overdue minor nonconformities of audit cycle ${auditCycleId} failed: ${message}`,
  },
];

/**
 * Deadlines read between two turns of the event loop: a store can hold tens of thousands overdue
 * (the bench's, 100,000 certificates), and requests are served meanwhile.
 */
const DEADLINES_PER_TURN = 2000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs, for the open deadlines that ask for an action, each action once per aggregate and day:
 * an aggregate the service found nothing to do for is not asked again that day. `deadlines` is
 * read lazily, a page at a time (`openDeadlines` keeps no query open between pages). Answers the
 * position of the last append (null: nothing appended); the actions run one after another, so
 * read models holding it hold every append of the run.
 */
export const scannerActions = (
  service: ScannerService,
  log: (line: string) => void,
  policies: RecordedPolicies,
) => {
  const actions = actionsFor(service, policies);
  let askedOn: CalendarDate | null = null;
  const asked = new Map<ScannerAction, Set<string>>();
  return async (
    deadlines: Iterable<OpenDeadlineView>,
    asOf: CalendarDate,
  ): Promise<GlobalPosition | null> => {
    if (askedOn !== asOf) asked.clear();
    askedOn = asOf;
    const wanted: { action: ScannerAction; id: string; deadline: OpenDeadlineView }[] = [];
    let read = 0;
    for (const deadline of deadlines) {
      for (const action of actions) {
        const id = action.wants(deadline, asOf);
        if (id !== null) wanted.push({ action, id, deadline });
      }
      if (++read % DEADLINES_PER_TURN === 0) await nextTurn();
    }
    let last: GlobalPosition | null = null;
    for (const { action, id, deadline } of wanted) {
      const ids = asked.get(action) ?? new Set<string>();
      asked.set(action, ids);
      if (ids.has(id)) continue;
      ids.add(id);
      try {
        const done = await action.run(id, deadline, asOf);
        if (!done) continue;
        log(done.line);
        last = done.position ?? last;
      } catch (error) {
        log(action.failed(id, messageOf(error)));
      }
    }
    return last;
  };
};
