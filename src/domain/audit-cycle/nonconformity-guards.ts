import type { CalendarDate } from '../calendar';
import type { AuditCycle, Nonconformity } from './audit-cycle-state';
import { AuditOrderError } from './audit-errors';
import { NonconformityClosedError, NonconformityNotFoundError } from './nonconformity-errors';

/** An NC still open: raised in this cycle and not verified. */
export const openNonconformity = (
  cycle: AuditCycle,
  ncId: string,
  action: string,
): Nonconformity => {
  const nc = cycle.nonconformities.find((candidate) => candidate.ncId === ncId);
  if (!nc)
    throw new NonconformityNotFoundError(`nonconformity ${ncId} was not raised in this cycle`);
  if (nc.verifiedOn !== null) {
    throw new NonconformityClosedError(
      `cannot ${action}: nonconformity ${ncId} was verified and closed on ${nc.verifiedOn}`,
    );
  }
  return nc;
};

export const requireNotBeforeRaised = (nc: Nonconformity, date: CalendarDate, what: string) => {
  if (date < nc.raisedOn) {
    throw new AuditOrderError(
      `${what} on ${date} precedes nonconformity ${nc.ncId}, raised on ${nc.raisedOn}`,
    );
  }
};
