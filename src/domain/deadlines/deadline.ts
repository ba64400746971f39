import { type CalendarDate, daysBetween } from '../calendar';

/** domain.md §4. */
export type DeadlineType =
  | 'STAGE2_DUE'
  | 'NC_RESPONSE_DUE'
  | 'MAJOR_NC_VERIFICATION_LIMIT'
  | 'SURVEILLANCE_AUDIT_DUE'
  | 'RECERTIFICATION_AUDIT_DUE'
  | 'CERTIFICATE_EXPIRY'
  | 'RESTORATION_WINDOW_END'
  | 'SUSPENSION_LIMIT'
  | 'TRANSITION_DEADLINE';

/**
 * Relative to a date: open deadlines are UPCOMING, DUE_TODAY or OVERDUE; closed ones are MET (met
 * by an event, on `metOn`) or ENDED (ended by themselves on `closesOn`, unmet).
 */
export type DeadlineState = 'UPCOMING' | 'DUE_TODAY' | 'OVERDUE' | 'MET' | 'ENDED';

export interface Deadline {
  type: DeadlineType;
  /** Stable key of the deadline within its aggregate, e.g. `SURVEILLANCE_AUDIT_DUE:1`, `NC_RESPONSE_DUE:nc-7`. */
  key: string;
  dueDate: CalendarDate;
  /**
   * The date of the fact that set it (a decision, an audit, a finding, a suspension, an expiry):
   * as of an earlier date the deadline does not exist yet.
   */
  openedOn: CalendarDate;
  /** The date the closing event happened, or null while open. */
  metOn: CalendarDate | null;
  /**
   * The day it ends by itself when nothing met it before (a restoration window, the day after its
   * last day); null: it stays open until met.
   */
  closesOn: CalendarDate | null;
  /** Human-readable subject: "surveillance audit 1", "major nonconformity NC-3". */
  subject: string;
}

export interface DeadlineStatus extends Deadline {
  state: DeadlineState;
  /** Days from the as-of date to the due date (negative when overdue). */
  daysRemaining: number;
}

/** Whether the deadline was met by `asOf`, before any day it ended by itself. */
const metBy = ({ metOn, closesOn }: Deadline, asOf: CalendarDate): boolean =>
  metOn !== null && metOn <= asOf && (closesOn === null || metOn < closesOn);

/**
 * State of a deadline as of a date: MET once met, ENDED once it ended by itself first (a meeting
 * after that day does not meet it). What happens after `asOf` is not known yet then: `metOn` is
 * given for a MET deadline only, and `closesOn` for an ENDED one (the day it ends may come from a
 * later event, a withdrawal or a repeated audit, or change with one, as the day a certificate
 * lapses for good moves with a renewal).
 */
export const deadlineStateOn = (deadline: Deadline, asOf: CalendarDate): DeadlineStatus => {
  const daysRemaining = daysBetween(asOf, deadline.dueDate);
  const met = metBy(deadline, asOf);
  const state: DeadlineState = met
    ? 'MET'
    : deadline.closesOn !== null && deadline.closesOn <= asOf
      ? 'ENDED'
      : daysRemaining > 0
        ? 'UPCOMING'
        : daysRemaining === 0
          ? 'DUE_TODAY'
          : 'OVERDUE';
  return {
    ...deadline,
    metOn: met ? deadline.metOn : null,
    closesOn: state === 'ENDED' ? deadline.closesOn : null,
    state,
    daysRemaining,
  };
};

/** Whether the deadline had been set by `asOf` (met or not). */
export const deadlineExistsOn = (deadline: Deadline, asOf: CalendarDate): boolean =>
  deadline.openedOn <= asOf;
