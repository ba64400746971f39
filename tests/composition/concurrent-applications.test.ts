import { ApplicationAlreadyOpenError, RecertificationAlreadyOpenError } from '../../src/domain';
import type { Certcycle } from '../../src/composition';
import { temporaryDirectory } from '../eventstore/temp-store';
import { startQuietly, testConfig } from './composed-service';

jest.setTimeout(60_000);

describe('applications sent at once to the composed service', () => {
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

  it('two recertifications open one cycle: the second is checked once the first is appended', async () => {
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

  it('refuses an initial application while the organisation has one open to the standard, naming it', async () => {
    const nairobi = app.storage.readModels
      .prepare<[], { audit_cycle_id: string; organisation_id: string; application: string }>(
        `SELECT audit_cycle_id, organisation_id, application FROM rm_audit_cycles
         WHERE organisation_id IN (SELECT organisation_id FROM rm_organisations
                                   WHERE legal_name LIKE 'Nairobi%')`,
      )
      .get()!;
    const { standard, scope, sites } = JSON.parse(nairobi.application) as {
      standard: { identifier: string; version: string };
      scope: { text: string; services: string[]; customers: string[]; locations: string[] };
      sites: string[];
    };
    const apply = (auditCycleId: string) =>
      app.service.submitApplication(
        { auditCycleId, organisationId: nairobi.organisation_id, standard, scope, sites },
        { actor: 'person-admin' },
      );
    await expect(apply('initial-while-open')).rejects.toThrow(ApplicationAlreadyOpenError);
    await expect(apply('initial-while-open')).rejects.toThrow(nairobi.audit_cycle_id);
  });
});
