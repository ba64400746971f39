export type ReminderThreshold = number | 'overdue';

export interface ReminderPlan {
  /** The nearest threshold crossed (the one to send), or null when none is crossed yet. */
  send: ReminderThreshold | null;
  /** Thresholds crossed earlier that are recorded as skipped and never sent. */
  skip: ReminderThreshold[];
}

/**
 * Which reminders a deadline `daysRemaining` days away has crossed: every threshold with
 * `daysRemaining <= threshold`, plus `overdue` once the due date has passed (when it applies).
 * Only the nearest one is sent; after downtime the others are skipped. A deadline past its due
 * date without an overdue reminder gets nothing.
 */
export const reminderPlan = (
  daysRemaining: number,
  thresholds: readonly number[],
  remindOverdue: boolean,
): ReminderPlan => {
  if (daysRemaining < 0 && !remindOverdue) return { send: null, skip: [] };
  const crossed: ReminderThreshold[] = [...thresholds]
    .filter((t) => daysRemaining <= t)
    .sort((a, b) => b - a);
  if (remindOverdue && daysRemaining < 0) crossed.push('overdue');
  const send = crossed.at(-1) ?? null;
  return { send, skip: crossed.slice(0, -1) };
};
