import { join } from 'node:path';
import Database from 'better-sqlite3';
import { lifecycleService, SettableClock, today } from '../../src/application';
import { certificationOutcomeReactor } from '../../src/composition';
import {
  auditCycleId,
  DEMO_ORGANISATIONS,
  type DemoOrganisation,
  demoSteps,
  seedDemoDataIfEmpty,
} from '../../src/demo';
import { addDays, addMonths, type CalendarDate, DEFAULT_POLICY } from '../../src/domain';
import { type RecordedEvent, SqliteEventStore } from '../../src/eventstore';

export const NUMBER_PATTERN = 'CN-{standardNumber}-{sequence:5}';
export const CB_NAME = 'Bench Certification Body';

/** Lean lifecycles per template: decided 15, 40, ... days before the template's day. */
const LEAN = 40;
const LEAN_SPACING_DAYS = 25;
/** Every SKIP-th lean certificate misses its due surveillance (an overdue deadline). */
const SKIP = 7;

export interface Template {
  /** The template's "today". */
  day: CalendarDate;
  events: RecordedEvent[];
  /** The short names the template's ids are made of (`org-<key>`, `cert-<key>`, ...). */
  keys: string[];
  certificates: number;
}

const DEMO = Object.values(DEMO_ORGANISATIONS);

const leanOrganisation = (i: number): DemoOrganisation => {
  const like = DEMO[i % DEMO.length]!;
  return {
    ...like,
    key: `b${i}`,
    legalName: `${like.legalName.split(' ')[0]} Bench ${i} Ltd`,
    registrationNumber: `BENCH-${i}`,
    sites: like.sites.slice(0, 1),
  };
};

/**
 * One template, seeded as of `now` through the real lifecycle service, deciders and
 * certification-outcome reactor into a throw-away SQLite file: the demo's dozen organisations
 * (certificates in every state the lifecycle knows) plus LEAN organisations certified at dates
 * spread over the last 33 months, each with the surveillance audits due by then (every SKIP-th
 * one missing its latest). Answers its events in log order.
 */
export const buildTemplate = async (dir: string, now: string): Promise<Template> => {
  const db = new Database(join(dir, `template-${now.slice(0, 10)}.db`));
  const store = new SqliteEventStore(db);
  // A throw-away file: per-append fsync buys nothing here.
  db.pragma('synchronous = OFF');
  const clock = new SettableClock(now);
  const day = today(clock, 'UTC');
  const service = lifecycleService({ store, clock, policy: DEFAULT_POLICY, timeZone: 'UTC' });
  const reactor = certificationOutcomeReactor({
    store,
    readModels: db,
    clock,
    config: { certificateNumberPattern: NUMBER_PATTERN, certificationBodyName: CB_NAME },
    log: (line) => console.error(line),
  });
  reactor.start();
  try {
    const seedDeps = { store, service, reactor, policy: DEFAULT_POLICY, today: day };
    await seedDemoDataIfEmpty({ ...seedDeps, timeoutMs: 10_000 });
    const steps = demoSteps({ store, service, reactor, timeoutMs: 10_000 });
    const keys: string[] = DEMO.map((org) => org.key);
    for (let i = 0; i < LEAN; i++) {
      const org = leanOrganisation(i);
      keys.push(org.key);
      const decidedOn = addDays(day, -(15 + i * LEAN_SPACING_DAYS));
      await steps.applyAndAudit(org, addDays(decidedOn, -21));
      await steps.grant(auditCycleId(org), decidedOn);
      const due = [11, 23].filter((months) => addMonths(decidedOn, months) < addDays(day, -2));
      const done = i % SKIP === SKIP - 1 ? due.length - 1 : due.length;
      if (done > 0) await steps.surveillances(org, decidedOn, done as 1 | 2);
    }
    const events = await store.readAll();
    const certificates = events.filter(
      (e) => e.type === 'CertificateIssued' || e.type === 'CertificateTransferredIn',
    ).length;
    return { day, events, keys, certificates };
  } finally {
    await reactor.stop();
    await store.close();
    db.close();
  }
};

export type { CalendarDate };
