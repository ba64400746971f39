import Database from 'better-sqlite3';
import {
  CertificateNumberAllocator,
  type CertificationOutcomeReactorOptions,
  CertificationOutcomeReactor,
  type CheckpointStore,
  type LifecycleService,
  lifecycleService,
  SettableClock,
  type TransferCertificateInInput,
} from '../../src/application';
import {
  type CalendarDate,
  calendarDate,
  type CertificationPolicy,
  DEFAULT_POLICY,
  type DomainError,
} from '../../src/domain';
import type { EventStore, RecordedEvent } from '../../src/eventstore';
import { SqliteEventStore } from '../../src/eventstore';
import { temporaryDirectory } from '../eventstore/temp-store';
import { sqliteCheckpointStore } from './sqlite-checkpoint-store';

export const d = (date: string): CalendarDate => calendarDate(date);

export const STANDARD = { identifier: 'ISO/IEC 20000-1', version: '2018' };
export const SCOPE = {
  text: 'IT service management of data-centre hosting services',
  services: ['hosting'],
  customers: ['external customers'],
  locations: ['Beijing', 'Shanghai'],
};
export const PATTERN = 'CN-{standardNumber}-{sequence:5}';
export const CB_NAME = 'Example Certification Co.';

export const ADMIN = { actor: 'admin-1' };
export const AUDITOR = { actor: 'aud-1' };
export const DECISION_MAKER = { actor: 'dm-1' };

/** A SQLite event store file, a checkpoint database file, a clock, the service and reactors. */
export const lifecycleWorld = (name: string) => {
  const dir = temporaryDirectory(name);
  let count = 0;
  /**
   * `checkGrants`: decisions ask a reactor whether the certificate takes their grant first;
   * `certificatesOf`, `auditCyclesOf`, `auditCyclesOfOrganisation`: the read-model lookups (none
   * found by default).
   */
  const open = (
    policy: CertificationPolicy = DEFAULT_POLICY,
    {
      checkGrants = false,
      certificatesOf,
      auditCyclesOf,
      auditCyclesOfOrganisation,
    }: {
      checkGrants?: boolean;
      certificatesOf?: (organisationId: string) => Promise<readonly string[]>;
      auditCyclesOf?: (certificateId: string) => Promise<readonly string[]>;
      auditCyclesOfOrganisation?: (organisationId: string) => Promise<readonly string[]>;
    } = {},
  ) => {
    count += 1;
    const store = new SqliteEventStore(dir.file(`events-${count}.db`));
    const checkpointDb = new Database(dir.file(`checkpoints-${count}.db`));
    const clock = new SettableClock('2030-01-10T08:00:00Z');
    const service = lifecycleService({
      store,
      clock,
      policy,
      checkGrant: checkGrants ? (grant, actor) => reactor().check(grant, actor) : undefined,
      certificatesOf,
      auditCyclesOf,
      auditCyclesOfOrganisation,
    });
    const rejected: Array<{ event: RecordedEvent; error: DomainError }> = [];
    const reactor = (
      overrides: Partial<CertificationOutcomeReactorOptions> & { store?: EventStore } = {},
    ) =>
      new CertificationOutcomeReactor({
        store,
        clock,
        checkpoints: sqliteCheckpointStore(checkpointDb),
        numbers: new CertificateNumberAllocator({ store: overrides.store ?? store, clock }),
        numberPattern: PATTERN,
        certificationBodyName: CB_NAME,
        onRejected: (event, error) => rejected.push({ event, error }),
        ...overrides,
      });
    const close = async () => {
      await store.close();
      checkpointDb.close();
    };
    return { store, clock, service, reactor, rejected, close, checkpointDb };
  };
  return { open, remove: () => dir.remove() };
};

export type World = ReturnType<ReturnType<typeof lifecycleWorld>['open']>;

/** The certificates lookup of a world where org-1 holds cert-1 (the fixtures' only certificate). */
export const certificatesOfOrg1 = (organisationId: string): Promise<readonly string[]> =>
  Promise.resolve(organisationId === 'org-1' ? ['cert-1'] : []);

/** The audit cycles naming a certificate, from the log: what the read-model lookup answers. */
export const auditCyclesFromLog = async (world: World, certificateId: string) =>
  (await world.store.readAll())
    .filter((event) => event.type === 'ApplicationSubmitted')
    .filter((event) => (event.data as { certificateId: string }).certificateId === certificateId)
    .map((event) => (event.data as { auditCycleId: string }).auditCycleId);

/** `auditCyclesOfOrganisation` read from the log: every cycle the organisation applied for. */
export const organisationCyclesFromLog = async (world: World, organisationId: string) =>
  (await world.store.readAll())
    .filter((event) => event.type === 'ApplicationSubmitted')
    .filter((event) => (event.data as { organisationId: string }).organisationId === organisationId)
    .map((event) => (event.data as { auditCycleId: string }).auditCycleId);

export const checkpointsOf = (world: World): CheckpointStore =>
  sqliteCheckpointStore(world.checkpointDb);

/** Registers an organisation with two sites and readiness facts that pass the default checklist. */
export const readyOrganisation = async (service: LifecycleService, organisationId = 'org-1') => {
  await service.registerOrganisation(
    {
      organisationId,
      legalName: 'Example Hosting Ltd',
      registrationNumber: '91110000MA00000000',
      country: 'CN',
      address: '1 Data Road, Beijing',
      registeredOn: d('2023-09-01'),
    },
    ADMIN,
  );
  await service.addSite(
    {
      organisationId,
      siteId: 'site-bj',
      name: 'Beijing head office',
      address: '1 Data Road, Beijing',
      country: 'CN',
      addedOn: d('2023-09-01'),
    },
    ADMIN,
  );
  await service.addSite(
    {
      organisationId,
      siteId: 'site-sh',
      name: 'Shanghai data centre',
      address: '9 Cloud Street, Shanghai',
      country: 'CN',
      addedOn: d('2023-09-01'),
    },
    ADMIN,
  );
  await service.recordReadiness(
    {
      organisationId,
      recordedOn: d('2023-12-05'),
      managementSystemOperatingSince: d('2023-06-01'),
      lastInternalAuditCompletedOn: d('2023-11-15'),
      lastManagementReviewCompletedOn: d('2023-12-01'),
    },
    ADMIN,
  );
  return organisationId;
};

interface CycleIds {
  organisationId?: string;
  auditCycleId?: string;
  certificateId?: string;
  standard?: typeof STANDARD;
}

/** An initial cycle through stage 2 (no findings) to a grant on `decidedOn` (default 2024-03-20). */
export const grantedInitialCycle = async (
  service: LifecycleService,
  ids: CycleIds = {},
  decidedOn = '2024-03-20',
) => {
  const ready = await readyForDecision(service, ids);
  await service.decideCertification(
    { auditCycleId: ready.auditCycleId, decision: 'GRANTED', decidedOn: d(decidedOn), reasons: [] },
    DECISION_MAKER,
  );
  return ready;
};

/** An initial cycle through stage 2 (2024-03-06), ready for its decision. */
export const readyForDecision = async (service: LifecycleService, ids: CycleIds = {}) => {
  const organisationId = await readyOrganisation(service, ids.organisationId);
  const auditCycleId = ids.auditCycleId ?? 'cycle-1';
  const { certificateId } = await service.submitApplication(
    {
      auditCycleId,
      organisationId,
      certificateId: ids.certificateId ?? 'cert-1',
      standard: ids.standard ?? STANDARD,
      scope: SCOPE,
      sites: ['site-bj', 'site-sh'],
      submittedOn: d('2024-01-10'),
    },
    ADMIN,
  );
  await service.reviewApplication(
    { auditCycleId, outcome: 'ACCEPTED', reasons: [], reviewedOn: d('2024-01-15') },
    ADMIN,
  );
  await audit(service, auditCycleId, 'stage1', 'STAGE1', '2024-02-05', '2024-02-06');
  await audit(service, auditCycleId, 'stage2', 'STAGE2', '2024-03-04', '2024-03-06');
  return { organisationId, auditCycleId, certificateId };
};

/** Plans and completes an audit by aud-1 (lead) and aud-2 on both sites. */
export const audit = async (
  service: LifecycleService,
  auditCycleId: string,
  auditId: string,
  kind: 'STAGE1' | 'STAGE2' | 'SURVEILLANCE' | 'SPECIAL' | 'RECERTIFICATION' | 'TRANSITION',
  firstDay: string,
  lastDay: string,
  surveillanceNumber?: 1 | 2,
  sites = ['site-bj', 'site-sh'],
) => {
  await service.planAudit(
    {
      auditCycleId,
      auditId,
      kind,
      ...(surveillanceNumber ? { surveillanceNumber } : {}),
      plannedStart: d(firstDay),
      plannedEnd: d(lastDay),
      mode: 'ON_SITE',
      leadAuditorId: 'aud-1',
      team: ['aud-1', 'aud-2'],
      sites,
    },
    AUDITOR,
  );
  return service.completeAudit(
    { auditCycleId, auditId, firstDay: d(firstDay), lastDay: d(lastDay) },
    AUDITOR,
  );
};

/** A recertification cycle of `certificateId` through its audit to a decision on `decidedOn`. */
export const recertify = async (
  service: LifecycleService,
  certificateId: string,
  decidedOn: string,
  auditCycleId = 'cycle-2',
) => {
  await service.startRecertification(
    { certificateId, auditCycleId, submittedOn: d('2026-09-01') },
    ADMIN,
  );
  await service.reviewApplication(
    { auditCycleId, outcome: 'ACCEPTED', reasons: [], reviewedOn: d('2026-09-05') },
    ADMIN,
  );
  await audit(service, auditCycleId, 'recert', 'RECERTIFICATION', '2026-11-16', '2026-11-18');
  return service.decideCertification(
    { auditCycleId, decision: 'GRANTED', decidedOn: d(decidedOn), reasons: [] },
    DECISION_MAKER,
  );
};

export const eventTypes = async (store: EventStore, stream: string): Promise<string[]> =>
  (await store.readStream(stream)).map((event) => event.type);

/** An own-fault withdrawal of the certificate, by the DECISION_MAKER. */
export const withdrawOwnFault = (
  service: LifecycleService,
  withdrawnOn: string,
  certificateId = 'cert-1',
) =>
  service.withdrawCertificate(
    { certificateId, reason: 'misuse of marks', ownFault: true, withdrawnOn: d(withdrawnOn) },
    DECISION_MAKER,
  );

/**
 * The TRANSFER application of certificate cert-t (cycle cycle-t) of org-1, submitted 2025-01-10:
 * the previous CB decided 2024-06-01, expiry 2027-05-31, no surveillance yet.
 */
export const transferApplication = (
  overrides: Partial<TransferCertificateInInput> = {},
): TransferCertificateInInput => ({
  auditCycleId: 'cycle-t',
  certificateId: 'cert-t',
  organisationId: 'org-1',
  standard: STANDARD,
  scope: SCOPE,
  sites: ['site-bj'],
  submittedOn: d('2025-01-10'),
  previousCertificationBody: 'Other CB',
  previousCertificateNumber: 'OT-123',
  previousCycleDecisionDate: d('2024-06-01'),
  certificateExpiryDate: d('2027-05-31'),
  surveillanceProgramme: { completedSurveillances: 0, lastSurveillanceLastDay: null },
  ...overrides,
});

/**
 * A TRANSFER application cycle-t (certificate cert-t) for org-1 of a valid, accredited certificate,
 * accepted on 2025-01-12 and reviewed on 2025-01-20, not decided yet. `previous` overrides the
 * previous CB's programme (default: decided 2024-06-01, expiring 2027-05-31, no surveillance).
 */
export const reviewedTransfer = async (
  service: LifecycleService,
  previous: Partial<
    Pick<
      TransferCertificateInInput,
      | 'previousCycleDecisionDate'
      | 'originalCertificationDate'
      | 'certificateExpiryDate'
      | 'surveillanceProgramme'
    >
  > = {},
) => {
  await service.transferCertificateIn(
    transferApplication({ sites: ['site-sh'], ...previous }),
    ADMIN,
  );
  await service.reviewApplication(
    { auditCycleId: 'cycle-t', outcome: 'ACCEPTED', reasons: [], reviewedOn: d('2025-01-12') },
    ADMIN,
  );
  await service.recordTransferReview(
    {
      auditCycleId: 'cycle-t',
      reviewedOn: d('2025-01-20'),
      certificateStatus: 'VALID',
      accredited: true,
      reasonsForTransfer: ['client request'],
      outstandingNonconformities: [],
      lastReports: ['surveillance report 2024'],
      complaints: [],
    },
    ADMIN,
  );
};
