import Database from 'better-sqlite3';
import { commandHandler, SettableClock } from '../../src/application';
import {
  type AuditCycleCommand,
  auditCycleDecider,
  auditCycleStreamName,
  type CalendarDate,
  calendarDate,
  type CertificateCommand,
  certificateDecider,
  certificateStreamName,
  type CertificationPolicy,
  DEFAULT_POLICY,
  type OrganisationCommand,
  organisationDecider,
  organisationStreamName,
  type ReadinessFacts,
  type StandardReference,
} from '../../src/domain';
import { SqliteEventStore } from '../../src/eventstore';
import { allProjections, ProjectionRunner } from '../../src/projections';
import { temporaryDirectory } from '../eventstore/temp-store';

export const d = (date: string): CalendarDate => calendarDate(date);

export const SMS_2018: StandardReference = { identifier: 'ISO/IEC 20000-1', version: '2018' };
export const ISMS_2022: StandardReference = { identifier: 'ISO/IEC 27001', version: '2022' };
export const LEAD = 'p-lead';
export const AUDITOR = 'p-auditor';
export const DECIDER = 'p-decider';

const READY: ReadinessFacts = {
  legalRegistrationNumber: '91310000MA1K4XXX0Q',
  managementSystemOperatingSince: d('2023-06-01'),
  lastInternalAuditCompletedOn: d('2023-11-15'),
  lastManagementReviewCompletedOn: d('2023-12-01'),
  administrativePenalties: [],
  consultancy: { used: false, relatedToCertificationBody: false, endedOn: null },
};

/** A SQLite file holding the event log and every read model, with a runner over allProjections. */
export const openReadSide = (file: string) => {
  const db = new Database(file);
  const store = new SqliteEventStore(db);
  const runner = new ProjectionRunner({ store, db, projections: allProjections, batchSize: 7 });
  return {
    db,
    store,
    runner,
    close: async () => {
      await runner.stop();
      await store.close();
      db.close();
    },
  };
};

/** Runs real commands through the real deciders and the command handler into the store. */
export class Lifecycle {
  private readonly handle;

  constructor(store: SqliteEventStore) {
    this.handle = commandHandler({ store, clock: new SettableClock('2024-01-01T08:00:00Z') });
  }

  organisation(command: OrganisationCommand, actor = 'p-clerk') {
    const id = command.data.organisationId;
    return this.handle(organisationDecider, organisationStreamName(id), command, { actor });
  }

  cycle(command: AuditCycleCommand, actor = LEAD) {
    const id = command.data.auditCycleId;
    return this.handle(auditCycleDecider, auditCycleStreamName(id), command, { actor });
  }

  certificate(command: CertificateCommand, actor = DECIDER) {
    const id = command.data.certificateId;
    return this.handle(certificateDecider, certificateStreamName(id), command, { actor });
  }

  async register(organisationId: string, legalName: string, registrationNumber: string) {
    await this.organisation({
      type: 'RegisterOrganisation',
      data: {
        organisationId,
        legalName,
        registrationNumber,
        country: 'CN',
        address: '88 Century Avenue, Shanghai',
        registeredOn: d('2023-12-01'),
        policy: DEFAULT_POLICY,
        actor: 'p-clerk',
      },
    });
  }

  async apply(
    auditCycleId: string,
    organisationId: string,
    certificateId: string,
    standard: StandardReference,
    submittedOn: string,
    recertification?: { previousAuditCycleId: string; certificateExpiryDate: CalendarDate },
    policy: CertificationPolicy = DEFAULT_POLICY,
  ) {
    await this.cycle({
      type: 'SubmitApplication',
      data: {
        auditCycleId,
        organisationId,
        certificateId,
        kind: recertification ? 'RECERTIFICATION' : 'INITIAL',
        standard,
        scope: {
          text: 'Operation of managed hosting services',
          services: ['managed hosting'],
          customers: ['external customers'],
          locations: ['Shanghai head office'],
        },
        sites: ['site-hq'],
        readiness: READY,
        submittedOn: d(submittedOn),
        policy,
        ...(recertification ? { recertification } : {}),
      },
    });
  }

  async accept(auditCycleId: string, reviewedOn: string) {
    await this.cycle({
      type: 'ReviewApplication',
      data: {
        auditCycleId,
        outcome: 'ACCEPTED',
        reviewedOn: d(reviewedOn),
        reviewedBy: 'p-reviewer',
        reasons: [],
      },
    });
  }

  async audit(
    auditCycleId: string,
    auditId: string,
    kind: 'STAGE1' | 'STAGE2' | 'SURVEILLANCE' | 'RECERTIFICATION',
    first: string,
    last: string,
    surveillanceNumber?: 1 | 2,
  ) {
    const team = { leadAuditorId: LEAD, team: [LEAD, AUDITOR], sites: ['site-hq'] };
    await this.cycle({
      type: 'PlanAudit',
      data: {
        auditCycleId,
        auditId,
        kind,
        ...(surveillanceNumber ? { surveillanceNumber } : {}),
        plannedStart: d(first),
        plannedEnd: d(last),
        mode: 'ON_SITE',
        ...team,
      },
    });
    await this.cycle({
      type: 'CompleteAudit',
      data: { auditCycleId, auditId, firstDay: d(first), lastDay: d(last), ...team },
    });
  }

  /** `renewed`: for a RECERTIFICATION, the certificate's expiry and audit cycle at the decision. */
  async grant(
    auditCycleId: string,
    decidedOn: string,
    renewed?: { certificateExpiryDate: CalendarDate; certificateAuditCycleId: string },
  ) {
    return this.cycle(
      {
        type: 'DecideCertification',
        data: {
          auditCycleId,
          decision: 'GRANTED',
          decisionMakerId: DECIDER,
          decidedOn: d(decidedOn),
          reasons: ['all requirements met'],
          ...renewed,
        },
      },
      DECIDER,
    );
  }

  async issue(
    certificateId: string,
    organisationId: string,
    auditCycleId: string,
    standard: StandardReference,
    sequence: number,
    decidedOn: string,
    policy: CertificationPolicy = DEFAULT_POLICY,
  ) {
    await this.certificate({
      type: 'IssueCertificate',
      data: {
        certificateId,
        organisationId,
        auditCycleId,
        numbering: { pattern: 'CN-{standardNumber}-{sequence:5}', sequence },
        standard,
        scope: 'Operation of managed hosting services',
        sites: [SITE],
        organisationName: ORGANISATION_NAMES[organisationId] ?? organisationId,
        organisationLocation: 'Shanghai, CN',
        certificationBodyName: 'Example Certification Co',
        decisionDate: d(decidedOn),
        effectiveDate: d(decidedOn),
        policy,
        actor: DECIDER,
      },
    });
  }
}

const ORGANISATION_NAMES: Record<string, string> = {
  'org-acme': 'Acme IT Services Co., Ltd.',
  'org-beta': 'Beta Cloud Ltd',
};

export const SITE = {
  siteId: 'site-hq',
  name: 'Head office',
  address: '88 Century Avenue, Shanghai',
  scope: 'Managed hosting',
};

export const ACME = {
  organisationId: 'org-acme',
  certificateId: 'cert-acme',
  number: 'CN-20000-00042',
  initialCycle: 'cycle-acme-1',
  recertificationCycle: 'cycle-acme-2',
};
export const BETA = {
  organisationId: 'org-beta',
  certificateId: 'cert-beta',
  number: 'CN-27001-00007',
  initialCycle: 'cycle-beta-1',
  recertificationCycle: 'cycle-beta-2',
};
export const GAMMA = {
  organisationId: 'org-gamma',
  certificateId: 'cert-gamma',
  initialCycle: 'cycle-gamma-1',
};

/**
 * Acme (ISO/IEC 20000-1:2018, CN-20000-00042): granted and issued 2024-03-20 (expiry 2027-03-19)
 * with a minor NC; surveillance 1 on 2025-02-11; suspended 2025-06-01, reinstated 2025-07-15;
 * scope extended 2025-09-01 (R2); surveillance 2 late on 2026-04-21; recertification audit
 * 2026-11-04 but no decision before expiry: expired from 2027-03-20, restored 2027-05-10 (R3,
 * expiry 2030-03-19; gap 2027-03-20..2027-05-09).
 * Beta (ISO/IEC 27001:2022, CN-27001-00007): issued 2025-01-10 (expiry 2028-01-09), no
 * surveillance; recertification audit 2027-07-06, no decision yet.
 * Gamma: application accepted, stage 1 on 2026-05-11, stage 2 due by 2026-11-11.
 */
export const appendTypicalLifecycle = async (store: SqliteEventStore): Promise<void> => {
  const run = new Lifecycle(store);
  const { organisationId: acme, certificateId: cert, initialCycle, recertificationCycle } = ACME;
  await run.register(acme, 'Acme IT Services Co., Ltd.', '91310000MA1K4XXX0Q');
  await run.organisation({
    type: 'AddSite',
    data: {
      organisationId: acme,
      siteId: 'site-hq',
      name: 'Head office',
      address: '88 Century Avenue, Shanghai',
      country: 'CN',
      addedOn: d('2023-12-02'),
      actor: 'p-clerk',
    },
  });
  await run.apply(initialCycle, acme, cert, SMS_2018, '2024-01-10');
  await run.accept(initialCycle, '2024-01-15');
  await run.audit(initialCycle, 'stage1', 'STAGE1', '2024-02-05', '2024-02-06');
  await run.audit(initialCycle, 'stage2', 'STAGE2', '2024-03-04', '2024-03-06');
  await run.cycle({
    type: 'RaiseNonconformity',
    data: {
      auditCycleId: initialCycle,
      ncId: 'nc-1',
      auditId: 'stage2',
      grade: 'MINOR',
      clause: '8.2.3',
      description: 'service level targets not monitored',
      raisedOn: d('2024-03-06'),
      raisedBy: 'p-auditor',
    },
  });
  await run.cycle({
    type: 'AcceptCorrectiveActionPlan',
    data: {
      auditCycleId: initialCycle,
      ncId: 'nc-1',
      acceptedOn: d('2024-03-15'),
      acceptedBy: LEAD,
      plan: 'monitor SLAs monthly',
    },
  });
  await run.grant(initialCycle, '2024-03-20');
  await run.issue(cert, acme, initialCycle, SMS_2018, 42, '2024-03-20');
  await run.audit(initialCycle, 'surveillance-1', 'SURVEILLANCE', '2025-02-10', '2025-02-11', 1);
  await run.certificate(
    {
      type: 'SuspendCertificate',
      data: {
        certificateId: cert,
        grounds: 'SERIOUS_FAILURE',
        details: 'incident management failing: confidential finding',
        suspendedOn: d('2025-06-01'),
        ownFault: true,
        actor: 'p-manager',
      },
    },
    'p-manager',
  );
  await run.certificate(
    {
      type: 'ReinstateCertificate',
      data: {
        certificateId: cert,
        reinstatedOn: d('2025-07-15'),
        reason: 'corrective action verified',
        actor: 'p-manager',
      },
    },
    'p-manager',
  );
  await run.certificate({
    type: 'ExtendScope',
    data: {
      certificateId: cert,
      scope: 'Operation of managed hosting and cloud backup services',
      sites: [
        SITE,
        { siteId: 'site-dc', name: 'Data centre', address: '9 Server Road', scope: 'Backup' },
      ],
      decisionDate: d('2025-09-01'),
      effectiveDate: d('2025-09-01'),
      extensionAudit: {
        auditId: 'special-extension',
        lastDay: d('2025-08-20'),
        sites: ['site-dc'],
      },
      actor: DECIDER,
    },
  });
  await run.audit(initialCycle, 'surveillance-2', 'SURVEILLANCE', '2026-04-20', '2026-04-21', 2);
  const expiry = d('2027-03-19');
  await run.apply(recertificationCycle, acme, cert, SMS_2018, '2026-09-15', {
    previousAuditCycleId: initialCycle,
    certificateExpiryDate: expiry,
  });
  await run.accept(recertificationCycle, '2026-10-01');
  await run.audit(recertificationCycle, 'recert', 'RECERTIFICATION', '2026-11-02', '2026-11-04');
  await run.certificate(
    {
      type: 'ExpireCertificate',
      data: { certificateId: cert, recordedOn: d('2027-03-25'), actor: 'system-scanner' },
    },
    'system-scanner',
  );
  await run.grant(recertificationCycle, '2027-05-10', {
    certificateExpiryDate: expiry,
    certificateAuditCycleId: initialCycle,
  });
  await run.certificate({
    type: 'RestoreCertificate',
    data: {
      certificateId: cert,
      auditCycleId: recertificationCycle,
      decisionDate: d('2027-05-10'),
      standard: SMS_2018,
      scope: 'Operation of managed hosting and cloud backup services',
      sites: [SITE],
      organisationName: ORGANISATION_NAMES[acme] ?? acme,
      organisationLocation: 'Shanghai, CN',
      actor: DECIDER,
    },
  });

  await run.register(BETA.organisationId, 'Beta Cloud Ltd', '91440300MA5F000002');
  await run.apply(
    BETA.initialCycle,
    BETA.organisationId,
    BETA.certificateId,
    ISMS_2022,
    '2024-10-01',
  );
  await run.accept(BETA.initialCycle, '2024-10-08');
  await run.audit(BETA.initialCycle, 'stage1', 'STAGE1', '2024-11-04', '2024-11-05');
  await run.audit(BETA.initialCycle, 'stage2', 'STAGE2', '2024-12-09', '2024-12-11');
  await run.grant(BETA.initialCycle, '2025-01-10');
  await run.issue(
    BETA.certificateId,
    BETA.organisationId,
    BETA.initialCycle,
    ISMS_2022,
    7,
    '2025-01-10',
  );
  await run.apply(
    BETA.recertificationCycle,
    BETA.organisationId,
    BETA.certificateId,
    ISMS_2022,
    '2027-06-01',
    {
      previousAuditCycleId: BETA.initialCycle,
      certificateExpiryDate: d('2028-01-09'),
    },
  );
  await run.accept(BETA.recertificationCycle, '2027-06-10');
  await run.audit(
    BETA.recertificationCycle,
    'recert',
    'RECERTIFICATION',
    '2027-07-05',
    '2027-07-06',
  );

  await run.register(GAMMA.organisationId, 'Gamma Data Services', '91110000MA0G000003');
  await run.apply(
    GAMMA.initialCycle,
    GAMMA.organisationId,
    GAMMA.certificateId,
    SMS_2018,
    '2026-04-01',
  );
  await run.accept(GAMMA.initialCycle, '2026-04-08');
  await run.audit(GAMMA.initialCycle, 'stage1', 'STAGE1', '2026-05-10', '2026-05-11');
};

/**
 * For the tests of one `describe`: a read side in a temporary directory holding the typical
 * lifecycle, caught up before the first test and removed after the last. Call the answer in tests.
 */
export const typicalReadSide = (name: string): (() => ReturnType<typeof openReadSide>) => {
  const dir = temporaryDirectory(name);
  let side: ReturnType<typeof openReadSide>;
  beforeAll(async () => {
    side = openReadSide(dir.file('read-models.db'));
    await appendTypicalLifecycle(side.store);
    await side.runner.catchUp();
  });
  afterAll(async () => {
    await side.close();
    dir.remove();
  });
  return () => side;
};

/** A suspension of the certificate for a serious failure, by p-manager. */
export const seriousFailureSuspension = (
  certificateId: string,
  suspendedOn: string,
): CertificateCommand => ({
  type: 'SuspendCertificate',
  data: {
    certificateId,
    grounds: 'SERIOUS_FAILURE',
    details: 'incident management failing',
    suspendedOn: d(suspendedOn),
    ownFault: true,
    actor: 'p-manager',
  },
});

/** Every row of the tables whose names start with `prefix`, sorted: equal read models compare equal. */
export const readModelSnapshot = (db: Database.Database, prefix = 'rm_') =>
  Object.fromEntries(
    db
      .prepare<[string], string>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? || '%' ORDER BY name",
      )
      .pluck()
      .all(prefix)
      .map((table) => [
        table,
        db
          .prepare(`SELECT * FROM ${table}`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
  );

/**
 * Replays the whole log into `db` again in batches of 1, 3 and all events, and expects the read
 * models each time to equal those the live runner built.
 */
export const expectSameReadModelsInBatches = async (
  store: SqliteEventStore,
  db: Database.Database,
): Promise<void> => {
  const live = readModelSnapshot(db);
  const events = await store.readAll();
  for (const batchSize of [1, 3, events.length]) {
    const runner = new ProjectionRunner({ store, db, projections: allProjections, batchSize });
    runner.reset();
    await runner.catchUp();
    expect([batchSize, readModelSnapshot(db)]).toEqual([batchSize, live]);
  }
};
