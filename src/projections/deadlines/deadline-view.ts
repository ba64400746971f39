import {
  type CalendarDate,
  type Deadline,
  type DeadlineState,
  type DeadlineType,
  deadlineStateOn,
} from '../../domain';

export const DEADLINE_TYPES: readonly DeadlineType[] = [
  'STAGE2_DUE',
  'NC_RESPONSE_DUE',
  'MAJOR_NC_VERIFICATION_LIMIT',
  'SURVEILLANCE_AUDIT_DUE',
  'RECERTIFICATION_AUDIT_DUE',
  'CERTIFICATE_EXPIRY',
  'RESTORATION_WINDOW_END',
  'SUSPENSION_LIMIT',
  'TRANSITION_DEADLINE',
];

export interface DeadlineView extends Deadline {
  /** The certificate or audit cycle whose rules produced the deadline. */
  aggregateId: string;
  certificateId: string;
  organisationId: string;
  auditCycleId: string | null;
  /** As of the query's date. */
  state: DeadlineState;
  /** Days from the as-of date to the due date (negative when overdue). */
  daysRemaining: number;
}

export interface DeadlineRow {
  aggregate_id: string;
  key: string;
  type: string;
  certificate_id: string;
  organisation_id: string;
  audit_cycle_id: string | null;
  due_date: string;
  opened_on: string;
  met_on: string | null;
  closes_on: string | null;
  subject: string;
}

export const deadlineView = (row: DeadlineRow, asOf: CalendarDate): DeadlineView => {
  const status = deadlineStateOn(
    {
      type: row.type as DeadlineType,
      key: row.key,
      dueDate: row.due_date as CalendarDate,
      openedOn: row.opened_on as CalendarDate,
      metOn: row.met_on as CalendarDate | null,
      closesOn: row.closes_on as CalendarDate | null,
      subject: row.subject,
    },
    asOf,
  );
  return {
    ...status,
    aggregateId: row.aggregate_id,
    certificateId: row.certificate_id,
    organisationId: row.organisation_id,
    auditCycleId: row.audit_cycle_id,
  };
};
