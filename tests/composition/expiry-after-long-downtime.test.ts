import type { Certcycle } from '../../src/composition';
import { Role } from '../../src/graphql';
import { temporaryDirectory } from '../eventstore/temp-store';
import { composedApi, dataOf, eventually } from '../graphql/webhooks/support/composed-api';
import { startQuietly, testConfig } from './composed-service';

const ORGANISATION = 'org-long-lapsed';
const CERTIFICATE = `${ORGANISATION}-cert`;

/**
 * Granted 2024-08-20 (expiry 2027-08-19, restoration window to 2028-02-19); the service is down
 * from then until 2028-03-01, when the certificate's expiry has already ended by itself.
 */
describe('the first scan after a downtime longer than the restoration window', () => {
  const dir = temporaryDirectory('expiry-after-long-downtime');
  const lines: string[] = [];
  let app: Certcycle | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(() => dir.remove());

  const start = async (at: string) => {
    app = await startQuietly(testConfig(dir.path, { CERTCYCLE_NOW: at }), lines);
    await app.ready;
    return app;
  };

  it('records the expiry all the same', async () => {
    await composedApi(await start('2024-09-01T02:00:00Z'), ORGANISATION).granted(ORGANISATION);
    await app!.close();
    app = undefined;

    const restarted = await start('2028-03-01T02:00:00Z');
    const scanned = `certcycle: recorded the expiry of certificate ${CERTIFICATE} on 2028-03-01`;
    await eventually(() => lines.find((line) => line.startsWith(scanned)), scanned);
    const { certificate } = dataOf(
      await composedApi(restarted, ORGANISATION).query(
        Role.VIEWER,
        `query ($id: ID!) { certificate(id: $id) { status deadlines(asOf: "2028-03-01") { key state } } }`,
        { id: CERTIFICATE },
      ),
    ) as { certificate: { status: string; deadlines: { key: string; state: string }[] } };
    expect(certificate.status).toBe('EXPIRED');
    expect(certificate.deadlines).toContainEqual({
      key: 'CERTIFICATE_EXPIRY:2027-08-19',
      state: 'ENDED',
    });
  }, 60_000);
});
