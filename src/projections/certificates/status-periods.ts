import type { CalendarDate, CertificateStatus } from '../../domain';

/** A stretch of days with one status and one revision in force; `to` null runs on. */
export interface StatusPeriodView {
  status: Exclude<CertificateStatus, 'DRAFT'>;
  from: CalendarDate;
  to: CalendarDate | null;
  revision: number;
  /** An EXPIRED period ended by a restoration: a period without certification. */
  restorationGap: boolean;
}

/**
 * Status on any date from the periods (ordered, contiguous from the first effective date):
 * DRAFT before the first period. Agrees with the domain's `certificateStatusOn`.
 */
export const statusOnFromPeriods = (
  periods: readonly Pick<StatusPeriodView, 'status' | 'from' | 'to'>[],
  date: CalendarDate,
): CertificateStatus => {
  for (const period of periods) {
    if (period.from <= date && (period.to === null || date <= period.to)) return period.status;
  }
  return 'DRAFT';
};
