import { addMonths, type CalendarDate } from '../calendar';
import type { CertificationPolicy } from './certification-policy';

/** [CN] An own-fault suspension or withdrawal of one of the organisation's certificates. */
export interface ReapplicationBar {
  certificateNumber: string;
  cause: 'SUSPENSION' | 'WITHDRAWAL';
  /** The day the certificate was suspended or withdrawn. */
  on: CalendarDate;
  /** No new application before this date. */
  until: CalendarDate;
}

/** [CN] no new application for the policy's months after an own-fault suspension or withdrawal. */
export const reapplicationBarredUntil = (
  policy: CertificationPolicy,
  ownFault: boolean,
  from: CalendarDate,
): CalendarDate | null =>
  ownFault && policy.reapplicationBarMonths > 0
    ? addMonths(from, policy.reapplicationBarMonths)
    : null;

/** The bar that ends last among `bars` (null: none). */
export const latestReapplicationBar = (
  bars: readonly (ReapplicationBar | null)[],
): ReapplicationBar | null =>
  bars.reduce<ReapplicationBar | null>(
    (latest, bar) => (bar !== null && (latest === null || bar.until > latest.until) ? bar : latest),
    null,
  );
