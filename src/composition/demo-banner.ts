import type { DemoSeedReport } from '../demo';

const EXAMPLE_QUERY =
  '{ upcomingDeadlines(withinDays: 90, first: 3) { edges { node { type dueDate state ' +
  'daysRemaining organisation { legalName } certificate { number } } } } }';

/** What a newcomer needs after `npm run demo`: the ADMIN key and a request to paste. */
export const demoBanner = (
  url: string,
  adminKey: string,
  seeded: DemoSeedReport | null,
): string[] => {
  const shownUrl = url.replace('//0.0.0.0:', '//localhost:').replace('//[::]:', '//localhost:');
  const body = JSON.stringify({ query: EXAMPLE_QUERY });
  return [
    seeded
      ? `certcycle demo: seeded ${seeded.organisations} organisations (${seeded.events} events)`
      : 'certcycle demo: the store already holds events; no demo data seeded (its dates are those ' +
        'of its first start: use an empty CERTCYCLE_DATA_DIR for fresh demo data)',
    `certcycle demo: ADMIN API key: ${adminKey}`,
    'certcycle demo: try',
    `  curl -s ${shownUrl} -H 'content-type: application/json' -H 'authorization: Bearer ${adminKey}' -d '${body}'`,
  ];
};
