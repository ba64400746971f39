import { seedDemoDataIfEmpty } from '../../../src/demo';
import { calendarDate, DEFAULT_POLICY } from '../../../src/domain';
import { type ApiHarness, startApiHarness } from './api-harness';

/** The service over real HTTP on the demo data, as `npm run demo` seeds it on 2026-03-02 (UTC). */
export const startDemoApiHarness = async (): Promise<ApiHarness> => {
  const api = await startApiHarness({ now: '2026-03-02T09:00:00Z', timeZone: 'UTC' });
  await seedDemoDataIfEmpty({
    store: api.store,
    service: api.service,
    reactor: api.reactor,
    policy: DEFAULT_POLICY,
    today: calendarDate('2026-03-02'),
    timeoutMs: 5_000,
  });
  await api.settle();
  return api;
};
