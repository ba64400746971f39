import type { CalendarDate } from '../calendar';
import { completedSurveillance, surveillanceLastDay } from './audit-cycle-queries';
import type { AuditCycle } from './audit-cycle-state';
import type { GrantedCertificate } from './certification-outcome';
import type { OutstandingNonconformity } from './audit-cycle-types';
import { surveillanceDueDate } from './surveillance-due-date';
import {
  OutstandingMajorNonconformityError,
  TransferSurveillanceOverdueError,
} from './transfer-errors';

/**
 * IAF MD 2: the issuing CB closes out a major nonconformity before the transfer; one still
 * outstanding at the review makes the client a new client, not a transfer.
 */
export const requireNoOutstandingMajor = (
  cycle: AuditCycle,
  outstanding: readonly OutstandingNonconformity[],
  reviewedOn: CalendarDate,
) => {
  const majors = outstanding.filter((nc) => nc.grade === 'MAJOR');
  if (majors.length === 0) return;
  const transfer = cycle.application.transfer;
  throw new OutstandingMajorNonconformityError(
    `certificate ${transfer?.previousCertificateNumber} of ${transfer?.previousCertificationBody} ` +
      `has outstanding major nonconformities on ${reviewedOn}: ` +
      `${majors.map((nc) => `${nc.reference} (${nc.description})`).join(', ')}. The issuing CB ` +
      'closes them out before the transfer (IAF MD 2): record the review once it has verified ' +
      'their correction and corrective action, or refuse the transfer (decideCertification ' +
      'REFUSED) and treat the client as a new client (an initial application)',
  );
};

/**
 * IAF MD 2: a certification whose surveillance audit was not completed by the day its programme
 * set is not in good standing. Every surveillance the issuing CB had not done at the application
 * is checked, in order, up to the review: due on the review day is not overdue, and one we
 * completed by its due date counts.
 */
export const requireSurveillanceNotOverdue = (cycle: AuditCycle, reviewedOn: CalendarDate) => {
  const transfer = cycle.application.transfer;
  if (!transfer) return;
  const { completedSurveillances } = transfer.surveillanceProgramme;
  for (const number of [1, 2] as const) {
    if (number <= completedSurveillances) continue;
    const previous = number === 2 ? surveillanceLastDay(cycle, 1) : null;
    const dueOn = surveillanceDueDate(
      cycle.policy.surveillanceRule,
      transfer.previousCycleDecisionDate,
      number,
      previous,
    );
    if (dueOn === null || reviewedOn <= dueOn) return;
    const completedOn = completedSurveillance(cycle, number)?.completion?.lastDay;
    if (completedOn !== undefined && completedOn <= dueOn) continue;
    throw new TransferSurveillanceOverdueError(
      `certificate ${transfer.previousCertificateNumber} of ${transfer.previousCertificationBody} ` +
        `is not in good standing on ${reviewedOn}: surveillance audit ${number} of its ` +
        `programme was due by ${dueOn} and ` +
        (completedOn === undefined ? 'is not completed' : `was completed only on ${completedOn}`) +
        ` (the application recorded ${completedSurveillances} completed by the issuing CB). A ` +
        'certification with an overdue surveillance is not transferred (IAF MD 2): refuse the ' +
        'transfer (decideCertification REFUSED) and treat the client as a new client (an initial ' +
        'application); if the issuing CB did it in time after the application, refuse this one ' +
        'and apply again with it recorded',
    );
  }
};

/**
 * IAF MD 2, 17021-1 9.6.5: a surveillance of the programme that fell due after the review is
 * overdue at a later decision unless completed in this transfer cycle, even after its due date
 * (it has been this CB's deadline since the review): it is done before the transfer, not left
 * overdue on the day the certificate is issued. Due on the decision day is not overdue.
 */
export const requireSurveillanceDoneByDecision = (
  cycle: AuditCycle,
  granted: GrantedCertificate,
  decidedOn: CalendarDate,
) => {
  const next = granted.surveillanceDue[0];
  const transfer = cycle.application.transfer;
  if (!transfer || next === undefined || decidedOn <= next.dueOn) return;
  throw new TransferSurveillanceOverdueError(
    `certificate ${transfer.previousCertificateNumber} of ${transfer.previousCertificationBody} ` +
      `is not transferred on ${decidedOn}: surveillance audit ${next.number} of its programme was ` +
      `due by ${next.dueOn} and is not completed. Complete it in this transfer cycle (a ` +
      `SURVEILLANCE audit, surveillanceNumber ${next.number}) before deciding, or ` +
      'refuse the transfer (decideCertification REFUSED) and treat the client as a new client ' +
      '(an initial application)',
  );
};
