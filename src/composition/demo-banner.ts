import type { Config } from '../config';
import type { DemoSeedReport } from '../demo';

const EXAMPLE_QUERY =
  '{ upcomingDeadlines(withinDays: 90, first: 3) { edges { node { type dueDate state ' +
  'daysRemaining organisation { legalName } certificate { number } } } } }';

/** What a start finds of the demo data: seeded now, or only part of it left by an earlier start. */
export interface DemoOutcome {
  demo: DemoSeedReport | null;
  demoUnfinished: boolean;
}

/** Says that the store holds part of the demo data, and how to get all of it. */
export const unfinishedDemoWarning = ({
  dataDir,
  eventStore,
}: Pick<Config, 'dataDir' | 'eventStore'>): string =>
  'the store holds only part of the demo data: an earlier demo start stopped while seeding it ' +
  '(it is not seeded again into a store with events). For the whole demo, stop the service, ' +
  (eventStore === 'eventstoredb'
    ? `start on an empty EventStoreDB, delete ${dataDir}`
    : `delete ${dataDir}`) +
  ' and run the demo again';

/** What a newcomer needs after `npm run demo`: the ADMIN key and a request to paste. */
export const demoBanner = (
  url: string,
  adminKey: string,
  { demo, demoUnfinished }: DemoOutcome,
  config: Pick<Config, 'dataDir' | 'eventStore'>,
): string[] => {
  const shownUrl = url.replace('//0.0.0.0:', '//localhost:').replace('//[::]:', '//localhost:');
  const body = JSON.stringify({ query: EXAMPLE_QUERY });
  const outcome = demo
    ? `seeded ${demo.organisations} organisations (${demo.events} events)`
    : demoUnfinished
      ? unfinishedDemoWarning(config)
      : 'the store already holds events; no demo data seeded (its dates are those of its first ' +
        'start: use an empty CERTCYCLE_DATA_DIR for fresh demo data)';
  return [
    `certcycle demo: ${outcome}`,
    `certcycle demo: ADMIN API key: ${adminKey}`,
    'certcycle demo: try',
    `  curl -s ${shownUrl} -H 'content-type: application/json' -H 'authorization: Bearer ${adminKey}' -d '${body}'`,
  ];
};
