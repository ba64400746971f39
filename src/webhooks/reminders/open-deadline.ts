import type { CalendarDate, DeadlineType } from '../../domain';
import type { WebhookEventType } from '../events';

/** An open deadline as the deadlines read model gives it. */
export interface OpenDeadline {
  certificateId: string;
  organisationId: string;
  type: DeadlineType;
  /** Stable key within the certificate, e.g. `SURVEILLANCE_AUDIT_DUE:1`. */
  key: string;
  dueDate: CalendarDate;
  certificateNumber?: string;
  subject?: string;
  /** The certificate's stream version the deadline was read at. */
  version?: number;
}

/** The source of open deadlines (met, withdrawn and superseded ones are not returned). */
export interface DeadlineSource {
  openDeadlines(asOf: CalendarDate): Iterable<OpenDeadline>;
}

export interface ReminderKind {
  /** Event type of a threshold reminder. */
  due: WebhookEventType;
  /** Event type once the due date has passed, or null when no overdue reminder is sent. */
  overdue: WebhookEventType | null;
}

const KINDS: Partial<Record<DeadlineType, ReminderKind>> = {
  SURVEILLANCE_AUDIT_DUE: { due: 'surveillance_audit.due', overdue: 'surveillance_audit.overdue' },
  RECERTIFICATION_AUDIT_DUE: { due: 'recertification.due', overdue: 'recertification.due' },
  CERTIFICATE_EXPIRY: { due: 'certificate.expiring', overdue: null },
  NC_RESPONSE_DUE: { due: 'nonconformity.response_due', overdue: 'nonconformity.response_due' },
};

/** The webhook event types a deadline type is reminded with; null when it is not reminded. */
export const reminderKind = (type: DeadlineType): ReminderKind | null => KINDS[type] ?? null;
