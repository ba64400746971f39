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

/** A verification follows the corrective-action plan accepted for the nonconformity, if any. */
export const requireNotBeforePlan = (nc: Nonconformity, verifiedOn: CalendarDate) => {
  if (nc.planAcceptedOn !== null && verifiedOn < nc.planAcceptedOn) {
    throw new AuditOrderError(
      `verification on ${verifiedOn} precedes the acceptance of nonconformity ${nc.ncId}'s ` +
        `corrective-action plan on ${nc.planAcceptedOn}`,
    );
  }
};
