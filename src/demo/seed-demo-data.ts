import type { CertificationOutcomeReactor, LifecycleService } from '../application';
import type { CalendarDate, CertificationPolicy } from '../domain';
import type { EventStore, GlobalPosition } from '../eventstore';
import { DEMO_SCENARIOS } from './demo-scenarios';
import { demoSteps } from './demo-steps';

export interface DemoSeedDependencies {
  store: EventStore;
  service: LifecycleService;
  reactor: Pick<CertificationOutcomeReactor, 'waitFor'>;
  /** The policy the service decides under (the restoration scenario needs a restoration window). */
  policy: CertificationPolicy;
  /** Demo dates are relative to this day. */
  today: CalendarDate;
  /** Bound on waiting for the reactor to issue a certificate. */
  timeoutMs: number;
  log?: (line: string) => void;
  /** Notes a seeding from its first event to its last, so that one cut short is recognised. */
  mark?: DemoSeedingMark;
}

/**
 * A note, kept outside the event log, that a demo seeding has begun and not finished: a store
 * holding events and this note holds part of the demo data.
 */
export interface DemoSeedingMark {
  isSet(): boolean;
  set(): void;
  clear(): void;
}

export interface DemoSeedReport {
  organisations: number;
  events: number;
  /** The end of the log after seeding: wait for the read models to reach it. */
  lastPosition: GlobalPosition;
}

const endOfLog = async (
  store: EventStore,
): Promise<{ events: number; last: GlobalPosition | null }> => {
  let events = 0;
  let last: GlobalPosition | null = null;
  for (;;) {
    const batch = await store.readAll({ after: last, limit: 1000 });
    const tail = batch.at(-1);
    if (!tail) return { events, last };
    events += batch.length;
    last = tail.position;
  }
};

/**
 * Seeds a dozen organisations whose certificates are, today, in every state the lifecycle knows,
 * through the lifecycle service and the certification-outcome reactor. Does nothing (answers null)
 * when the store already holds events. The mark is set before the first event and cleared after
 * the last, so it stays set when the seeding is cut short.
 */
export const seedDemoDataIfEmpty = async (
  deps: DemoSeedDependencies,
): Promise<DemoSeedReport | null> => {
  if ((await deps.store.readAll({ limit: 1 })).length > 0) return null;
  deps.mark?.set();
  const steps = demoSteps(deps);
  for (const scenario of DEMO_SCENARIOS) {
    const state =
      (await scenario.run({
        steps,
        service: deps.service,
        today: deps.today,
        policy: deps.policy,
      })) ?? scenario.state;
    deps.log?.(`certcycle demo: ${scenario.organisation.legalName}: ${state}`);
  }
  const { events, last } = await endOfLog(deps.store);
  if (last === null) throw new Error('the demo seeding wrote no events');
  deps.mark?.clear();
  return { organisations: DEMO_SCENARIOS.length, events, lastPosition: last };
};
