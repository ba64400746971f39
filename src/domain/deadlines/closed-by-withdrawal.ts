import type { CalendarDate } from '../calendar';
import type { Deadline, DeadlineType } from './deadline';

/** domain.md §4: the deadlines a withdrawal meets ("ends when ... withdrawn"). */
const MET_BY_WITHDRAWAL: readonly DeadlineType[] = ['CERTIFICATE_EXPIRY', 'SUSPENSION_LIMIT'];

/**
 * Withdrawal is final: it closes whatever is still open then (not what ended by itself before
 * it). It meets the certificate's expiry and a running suspension's limit; everything else (an
 * audit never done, a finding never answered) ends on the withdrawal day, unmet.
 */
export const closedByWithdrawal =
  (withdrawnOn: CalendarDate | null) =>
  (deadline: Deadline): Deadline => {
    if (
      withdrawnOn === null ||
      deadline.metOn !== null ||
      (deadline.closesOn !== null && deadline.closesOn <= withdrawnOn)
    ) {
      return deadline;
    }
    return MET_BY_WITHDRAWAL.includes(deadline.type)
      ? { ...deadline, metOn: withdrawnOn }
      : { ...deadline, closesOn: withdrawnOn };
  };
