import { CertificateIdReservedError } from '../../src/application';
import { DateOutOfOrderError } from '../../src/domain';
import {
  ADMIN,
  auditCyclesFromLog,
  d,
  lifecycleWorld,
  readyOrganisation,
  SCOPE,
  STANDARD,
  transferApplication,
  type World,
} from './lifecycle-fixtures';

describe("a new certificate's id", () => {
  const worlds = lifecycleWorld('certificate-id-reservation');
  let world: World;

  beforeEach(async () => {
    world = worlds.open(undefined, { auditCyclesOf: (id) => auditCyclesFromLog(world, id) });
    await readyOrganisation(world.service, 'org-1');
    await readyOrganisation(world.service, 'org-2');
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  const apply = (organisationId: string, auditCycleId: string, certificateId: string) =>
    world.service.submitApplication(
      {
        auditCycleId,
        organisationId,
        certificateId,
        standard: STANDARD,
        scope: SCOPE,
        sites: ['site-bj'],
        submittedOn: d('2024-01-10'),
      },
      ADMIN,
    );

  it('is refused once another application names it, from any organisation, writing nothing', async () => {
    await apply('org-1', 'cycle-1', 'cert-new');
    const before = (await world.store.readAll()).length;
    const reserved = new CertificateIdReservedError('cert-new', 'cycle-1');
    await expect(apply('org-2', 'cycle-2', 'cert-new')).rejects.toThrow(reserved);
    await expect(apply('org-1', 'cycle-3', 'cert-new')).rejects.toThrow(reserved);
    await expect(
      world.service.transferCertificateIn(
        transferApplication({ organisationId: 'org-2', certificateId: 'cert-new' }),
        ADMIN,
      ),
    ).rejects.toThrow(reserved);
    expect((await world.store.readAll()).length).toBe(before);
  });

  it('names the field and the rule', async () => {
    await apply('org-1', 'cycle-1', 'cert-new');
    await expect(apply('org-2', 'cycle-2', 'cert-new')).rejects.toMatchObject({
      rule: 'CERTIFICATE_ID_RESERVED',
      field: 'certificateId',
    });
  });

  it('is accepted when no application names it', async () => {
    await apply('org-1', 'cycle-1', 'cert-1');
    await expect(apply('org-2', 'cycle-2', 'cert-2')).resolves.toMatchObject({ id: 'cycle-2' });
  });
});

describe('an application', () => {
  const worlds = lifecycleWorld('application-dates');
  let world: World;

  beforeEach(async () => {
    world = worlds.open();
    await readyOrganisation(world.service, 'org-1');
  });
  afterEach(() => world.close());
  afterAll(() => worlds.remove());

  it('is not dated before its organisation was registered', async () => {
    await expect(
      world.service.submitApplication(
        {
          organisationId: 'org-1',
          standard: STANDARD,
          scope: SCOPE,
          sites: ['site-bj'],
          submittedOn: d('2023-08-31'),
        },
        ADMIN,
      ),
    ).rejects.toThrow(
      new DateOutOfOrderError(
        'submittedOn',
        d('2023-08-31'),
        'organisation org-1 was registered',
        d('2023-09-01'),
      ),
    );
  });
});
