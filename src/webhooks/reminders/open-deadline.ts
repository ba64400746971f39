import { type CalendarDate, type DeadlineType, firstTransitionDeadlineKey } from '../../domain';
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

/**
 * Every deadline type is reminded (domain.md §4). Those that end by themselves when their due date
 * passes get no overdue reminder: the certificate's expiry (`certificate.expired` follows), the
 * restoration window (closed), the transition deadline (the certificate expires with it).
 */
const KINDS: Record<DeadlineType, ReminderKind> = {
  STAGE2_DUE: { due: 'stage2_audit.due', overdue: 'stage2_audit.due' },
  NC_RESPONSE_DUE: { due: 'nonconformity.response_due', overdue: 'nonconformity.response_due' },
  MAJOR_NC_VERIFICATION_LIMIT: {
    due: 'nonconformity.verification_due',
    overdue: 'nonconformity.verification_due',
  },
  SURVEILLANCE_AUDIT_DUE: { due: 'surveillance_audit.due', overdue: 'surveillance_audit.overdue' },
  RECERTIFICATION_AUDIT_DUE: { due: 'recertification.due', overdue: 'recertification.due' },
  CERTIFICATE_EXPIRY: { due: 'certificate.expiring', overdue: null },
  RESTORATION_WINDOW_END: { due: 'certificate.restoration_window_closing', overdue: null },
  SUSPENSION_LIMIT: {
    due: 'certificate.suspension_limit',
    overdue: 'certificate.suspension_limit',
  },
  TRANSITION_DEADLINE: { due: 'certificate.transition_due', overdue: null },
};

/** The webhook event types a deadline type is reminded with. */
export const reminderKind = (type: DeadlineType): ReminderKind => KINDS[type];

/**
 * The key a deadline's reminders are recorded under: its own, except that every transition
 * deadline of one version shares the first's (a restoration to the old version after an expiry
 * opens another, due the same day), so no threshold the first was sent at is sent again.
 */
export const reminderKey = ({ type, key }: OpenDeadline): string =>
  type === 'TRANSITION_DEADLINE' ? firstTransitionDeadlineKey(key) : key;
