import { RecertificationAlreadyOpenError } from '../../src/domain';
import type { Certcycle } from '../../src/composition';
import { temporaryDirectory } from '../eventstore/temp-store';
import { startQuietly, testConfig } from './composed-service';

jest.setTimeout(60_000);

describe('two recertification applications sent at once to the composed service', () => {
  const dir = temporaryDirectory('concurrent-applications');
  let app: Certcycle;

  beforeAll(async () => {
    app = await startQuietly(
      testConfig(dir.path, { CERTCYCLE_DEMO: '1', CERTCYCLE_WEBHOOKS: '0' }),
    );
    await app.ready;
  });
  afterAll(async () => {
    await app.close();
    dir.remove();
  });

  it('open one cycle: the second is checked once the first is appended', async () => {
    const { certificate_id: certificateId } = app.storage.readModels
      .prepare<[], { certificate_id: string }>(
        "SELECT certificate_id FROM rm_certificates WHERE organisation_name LIKE 'Nordlicht%'",
      )
      .get()!;
    const start = (auditCycleId: string) =>
      app.service.startRecertification({ certificateId, auditCycleId }, { actor: 'person-admin' });
    const outcomes = await Promise.allSettled([start('cycle-at-once-1'), start('cycle-at-once-2')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(
      RecertificationAlreadyOpenError,
    );
  });
});
