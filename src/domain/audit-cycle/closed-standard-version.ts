import { addDays, type CalendarDate } from '../calendar';
import { findStandard, lastAuditDay, standardCode } from '../standards';
import { StandardVersionClosedError } from './application-errors';
import type { AuditCycle } from './audit-cycle-state';
import type { AuditKind } from './audit-cycle-types';

/** The kinds of audit a superseded version stops taking at its last audit date. */
const CLOSING_KINDS: readonly AuditKind[] = ['STAGE1', 'STAGE2', 'SURVEILLANCE', 'RECERTIFICATION'];

/**
 * Standards catalog: no initial, recertification or surveillance audits to a superseded version
 * after its last audit date (ISO/IEC 27001:2013: from 2024-05-01, IAF MD 26), or its transition
 * end when the catalog gives none (ISO/IEC 20000-1:2011: from 2022-04-01). A surveillance
 * audit may go on once the cycle has a transition audit planned or done: it audits to the new
 * version. `date`: the audit's planned start, or its actual first day.
 */
export const requireVersionOpenForAudit = (
  cycle: AuditCycle,
  kind: AuditKind,
  date: CalendarDate,
): void => {
  const { standard } = cycle.application;
  const version = findStandard(standard);
  const lastAuditDate = lastAuditDay(version);
  if (lastAuditDate === null || date <= lastAuditDate || !CLOSING_KINDS.includes(kind)) return;
  const transitioning = cycle.audits.some((audit) => audit.kind === 'TRANSITION');
  if (kind === 'SURVEILLANCE' && transitioning) return;
  throw new StandardVersionClosedError(
    `no ${kind} audit to ${standardCode(standard)} on ${date}: audits to that version ended on ` +
      `${lastAuditDate} (${version.transitionSource ?? 'catalog'}); from ${addDays(lastAuditDate, 1)} ` +
      (kind === 'SURVEILLANCE'
        ? 'a surveillance audit needs a transition audit to the new version in the same cycle'
        : 'apply for certification to the new version'),
  );
};
