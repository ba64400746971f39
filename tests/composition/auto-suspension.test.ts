import type { Certcycle } from '../../src/composition';
import { Role } from '../../src/graphql';
import { temporaryDirectory } from '../eventstore/temp-store';
import { composedApi, dataOf, eventually } from '../graphql/webhooks/support/composed-api';
import { startQuietly, testConfig } from './composed-service';

const STATUS = 'query ($id: ID!) { certificate(id: $id) { status suspensions { grounds } } }';

/**
 * A certificate granted on 2024-08-20 whose first surveillance (due by 2025-08-20) is never held,
 * started again on 2025-10-01 with CERTCYCLE_AUTO_SUSPEND_MISSED_SURVEILLANCE as given.
 */
const missedSurveillance = async (name: string, autoSuspend: string) => {
  const dir = temporaryDirectory(name);
  const lines: string[] = [];
  const start = (at: string) =>
    startQuietly(
      testConfig(dir.path, {
        CERTCYCLE_NOW: at,
        CERTCYCLE_AUTO_SUSPEND_MISSED_SURVEILLANCE: autoSuspend,
      }),
      lines,
    );
  const first: Certcycle = await start('2024-09-01T02:00:00Z');
  await first.ready;
  await composedApi(first, name).granted(name);
  await first.close();
  const later: Certcycle = await start('2025-10-01T02:00:00Z');
  await later.ready;
  await eventually(
    () => lines.find((line) => line.startsWith('certcycle: deadline reminders on 2025-10-01')),
    'the start-up scan',
  );
  return { app: later, lines, dir, certificateId: `${name}-cert` };
};

describe('CERTCYCLE_AUTO_SUSPEND_MISSED_SURVEILLANCE', () => {
  it('suspends, at the scan, a certificate applied for with it on whose surveillance was missed', async () => {
    const { app, lines, dir, certificateId } = await missedSurveillance('org-auto', '1');
    try {
      expect(lines).toContain(
        `certcycle: suspended certificate ${certificateId} on 2025-10-01: surveillance audit due by 2025-08-20 was missed`,
      );
      const answer = dataOf(
        await composedApi(app, 'org-auto').query(Role.VIEWER, STATUS, { id: certificateId }),
      );
      expect(answer.certificate).toMatchObject({
        status: 'SUSPENDED',
        suspensions: [{ grounds: 'MISSED_SURVEILLANCE' }],
      });
    } finally {
      await app.close();
      dir.remove();
    }
  });

  it('leaves it active when off (the default)', async () => {
    const { app, lines, dir, certificateId } = await missedSurveillance('org-manual', '');
    try {
      expect(lines.filter((line) => line.includes('suspended certificate'))).toEqual([]);
      const answer = dataOf(
        await composedApi(app, 'org-manual').query(Role.VIEWER, STATUS, { id: certificateId }),
      );
      expect(answer.certificate).toMatchObject({ status: 'ACTIVE', suspensions: [] });
    } finally {
      await app.close();
      dir.remove();
    }
  });
});
