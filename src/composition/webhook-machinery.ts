import type { Database } from 'better-sqlite3';
import type { PubSub } from 'type-graphql';
import { calendarDateIn, type Clock, type LifecycleService } from '../application';
import type { WebhookConfig } from '../config';
import type { CertificationPolicy } from '../domain';
import type { EventStore, GlobalPosition, ReconnectOptions } from '../eventstore';
import { DEADLINE_REMINDER, deadlineReminderOf } from '../graphql/webhooks';
import {
  escalatesOverdueMinors,
  openDeadlines,
  suspendsOnMissedSurveillance,
} from '../projections';
import {
  type DeadlineSource,
  type OpenDeadline,
  ReminderScanner,
  reminderScanSummary,
  type ScanResult,
  type SecretBox,
  WebhookDispatcher,
  type WebhookDispatcherOptions,
  WebhookFanOut,
} from '../webhooks';
import { lazyGuardedAgents } from './lazy-guarded-agents';
import { scannerActions } from './scanner-actions';

export interface WebhookMachineryParts {
  store: EventStore;
  /** Holds the webhook tables beside the read models the scanner reads. */
  readModels: Database;
  clock: Clock;
  timeZone: string;
  /** Its reminder thresholds. */
  policy: CertificationPolicy;
  service: Pick<
    LifecycleService,
    'suspendForMissedSurveillance' | 'recordExpiry' | 'escalateOverdueMinors'
  >;
  /**
   * Resolves once the read models the scan reads hold the event at `position` (the projection
   * runner's `waitFor`), so reminders are read after what the scan recorded.
   */
  readModelsReached: (position: GlobalPosition) => Promise<void>;
  /** Where `deadlineReminder` subscribers listen. */
  pubSub: PubSub;
  secrets: SecretBox;
  config: Pick<WebhookConfig, 'allowHttp' | 'allowedAddresses' | 'reminderScanIntervalMs'>;
  log: (line: string) => void;
  /** How the fan-out follows the log again after a transient event-store failure. */
  reconnect?: ReconnectOptions;
  /** Told when the fan-out or the dispatcher stops on an error. */
  onFailure: (component: string, error: unknown) => void;
  /** Dispatcher settings besides the defaults (tests compress the retry schedule). */
  dispatcher?: Partial<Omit<WebhookDispatcherOptions, 'db' | 'clock' | 'secrets' | 'sender'>>;
}

export interface WebhookMachinery {
  /**
   * The automatic suspensions and expiry records due now, then, once the read models hold them,
   * one reminder scan.
   */
  scan(): Promise<ScanResult>;
  /** Stops scanning, dispatching and following the log (after the work in progress). */
  stop(): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Webhook delivery: the fan-out follows the event log into delivery rows, the dispatcher sends
 * them, and the reminder scanner runs now (in the background: readiness does not wait for it)
 * and every interval. Each reminder also goes to the `deadlineReminder` subscription; an overdue
 * surveillance audit of an ACTIVE certificate asks the service for the suspension, which the
 * certificate's recorded policy decides. A scan records first and reminds after: a certificate it
 * finds expired gets no reminder for the deadlines its expiry ends.
 */
export const startWebhookMachinery = async (
  parts: WebhookMachineryParts,
): Promise<WebhookMachinery> => {
  const { readModels: db, clock, config, log } = parts;
  const agents = lazyGuardedAgents({ allowedAddresses: config.allowedAddresses });
  const fanOut = new WebhookFanOut({ store: parts.store, db, clock, reconnect: parts.reconnect });
  const dispatcher = new WebhookDispatcher({
    ...parts.dispatcher,
    db,
    clock,
    secrets: parts.secrets,
    sender: { agents, allowHttp: config.allowHttp },
  });

  const thresholds = parts.policy.reminderThresholdDays;
  const runActions = scannerActions(parts.service, log, {
    suspends: (certificateId) => suspendsOnMissedSurveillance(db, certificateId),
    escalates: (auditCycleId) => escalatesOverdueMinors(db, auditCycleId),
  });
  const deadlines: DeadlineSource = {
    *openDeadlines(asOf) {
      const withinDays = Math.max(0, ...thresholds);
      for (const deadline of openDeadlines(db, asOf, { withinDays })) {
        const open: OpenDeadline = {
          ...deadline,
          certificateNumber: deadline.certificateNumber ?? undefined,
          version: deadline.version ?? undefined,
        };
        yield open;
      }
    },
  };
  const scanner = new ReminderScanner({
    db,
    clock,
    deadlines,
    timeZone: parts.timeZone,
    thresholds,
    onReminder: (payload) => {
      const reminder = deadlineReminderOf(payload);
      parts.pubSub.publish(DEADLINE_REMINDER, reminder.organisationId, reminder);
    },
  });

  /**
   * The last position the actions appended, waited for by every later scan too: a scan whose wait
   * timed out fails, and the next one must not remind from read models still behind it. The
   * actions read overdue deadlines only (`withinDays: 0`): none wants an upcoming one. They also
   * read the expiry of a certificate that lapsed for good unrecorded, so that it is recorded;
   * reminders do not (it ended by itself).
   */
  let recorded: GlobalPosition | null = null;
  const scanOnce = async (): Promise<ScanResult> => {
    const now = clock.now();
    const asOf = calendarDateIn(now, parts.timeZone);
    const overdue = openDeadlines(db, asOf, { withinDays: 0, includeUnrecordedExpiry: true });
    recorded = (await runActions(overdue, asOf)) ?? recorded;
    if (recorded !== null) await parts.readModelsReached(recorded);
    const result = await scanner.scan(now);
    log(`certcycle: ${reminderScanSummary(result)}`);
    return result;
  };
  /** One scan at a time: a scan asked for while one runs gets that one's result. */
  let running: Promise<ScanResult> | null = null;
  const scan = (): Promise<ScanResult> => {
    running ??= scanOnce().finally(() => {
      running = null;
    });
    return running;
  };

  await fanOut.start();
  fanOut.done.catch((error: unknown) => parts.onFailure('the webhook fan-out', error));
  dispatcher.start();
  dispatcher.done.catch((error: unknown) => parts.onFailure('the webhook dispatcher', error));

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let scanning: Promise<unknown> = Promise.resolve();
  const scanAndSchedule = async (): Promise<void> => {
    try {
      await scan();
    } catch (error) {
      log(`certcycle: the deadline reminder scan failed: ${messageOf(error)}`);
    }
    if (!stopped) {
      timer = setTimeout(() => {
        scanning = scanAndSchedule();
      }, config.reminderScanIntervalMs);
    }
  };
  scanning = scanAndSchedule();

  return {
    scan,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await scanning;
      await dispatcher.stop().catch(() => undefined);
      await fanOut.close().catch(() => undefined);
      agents.destroy();
    },
  };
};
