import type { ScanResult } from './reminder-scanner';

/**
 * A scan's result for the log, telling reminders recorded from webhook deliveries queued: a
 * reminder that no endpoint takes is recorded (and published to GraphQL subscribers) but not sent.
 */
export const reminderScanSummary = ({
  asOf,
  recorded,
  deliveries,
  withoutEndpoint,
  skipped,
}: ScanResult): string => {
  const queued = `${deliveries} webhook ${deliveries === 1 ? 'delivery' : 'deliveries'} queued`;
  const unsent = withoutEndpoint > 0 ? `, ${withoutEndpoint} for no endpoint` : '';
  const detail = recorded > 0 ? ` (${queued}${unsent})` : '';
  return `deadline reminders on ${asOf}: ${recorded} recorded${detail}, ${skipped} skipped`;
};
