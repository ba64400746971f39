import {
  type CertificationOutcomeReactor,
  type LifecycleService,
  loadCertificate,
} from '../application';
import { addDays, addMonths, type CalendarDate } from '../domain';
import type { EventStore } from '../eventstore';
import type { DemoOrganisation } from './demo-organisations';
import { DEMO_PEOPLE } from './demo-people';

export interface DemoStepsDependencies {
  store: EventStore;
  service: LifecycleService;
  reactor: Pick<CertificationOutcomeReactor, 'waitFor'>;
  /** Bound on waiting for the reactor to act on a grant. */
  timeoutMs: number;
}

type AuditKind = 'STAGE1' | 'STAGE2' | 'SURVEILLANCE' | 'RECERTIFICATION' | 'SPECIAL';

export const organisationId = (org: DemoOrganisation) => `org-${org.key}`;
export const certificateId = (org: DemoOrganisation) => `cert-${org.key}`;
export const auditCycleId = (org: DemoOrganisation, cycle = 1) => `cycle-${org.key}-${cycle}`;
const siteIds = (org: DemoOrganisation) =>
  org.sites.map((_, index) => `site-${org.key}-${index + 1}`);

/** The lifecycle steps the demo scenarios are made of, each through the LifecycleService. */
export const demoSteps = ({ store, service, reactor, timeoutMs }: DemoStepsDependencies) => {
  const { registrar } = DEMO_PEOPLE;
  let teamTurn = 0;

  const steps = {
    /** Registers the organisation and its sites; records readiness facts that pass the checklist. */
    registerReadyOrganisation: async (org: DemoOrganisation, applicationOn: CalendarDate) => {
      const registeredOn = addDays(applicationOn, -90);
      await service.registerOrganisation(
        {
          organisationId: organisationId(org),
          legalName: org.legalName,
          registrationNumber: org.registrationNumber,
          country: org.country,
          address: org.address,
          registeredOn,
        },
        registrar,
      );
      for (const [index, site] of org.sites.entries()) {
        await service.addSite(
          {
            organisationId: organisationId(org),
            siteId: siteIds(org)[index],
            name: site.name,
            address: site.address,
            country: org.country,
            addedOn: registeredOn,
          },
          registrar,
        );
      }
      await service.recordReadiness(
        {
          organisationId: organisationId(org),
          recordedOn: addDays(applicationOn, -10),
          managementSystemOperatingSince: addMonths(applicationOn, -10),
          lastInternalAuditCompletedOn: addDays(applicationOn, -40),
          lastManagementReviewCompletedOn: addDays(applicationOn, -25),
        },
        registrar,
      );
    },

    /** Plans and completes a two-day audit by the next audit team. */
    audit: async (
      cycleId: string,
      auditId: string,
      kind: AuditKind,
      firstDay: CalendarDate,
      sites: string[],
      surveillanceNumber?: 1 | 2,
    ) => {
      const team = DEMO_PEOPLE.auditTeams[teamTurn++ % DEMO_PEOPLE.auditTeams.length]!;
      const context = { actor: team.leadAuditorId };
      const cycle = await service.planAudit(
        {
          auditCycleId: cycleId,
          auditId,
          kind,
          ...(surveillanceNumber ? { surveillanceNumber } : {}),
          plannedStart: firstDay,
          plannedEnd: addDays(firstDay, 1),
          mode: kind === 'SURVEILLANCE' ? 'REMOTE' : 'ON_SITE',
          leadAuditorId: team.leadAuditorId,
          team: [...team.team],
          sites,
        },
        context,
      );
      await service.completeAudit(
        { auditCycleId: cycleId, auditId: cycle.auditId, firstDay, lastDay: addDays(firstDay, 1) },
        context,
      );
    },

    /** Application, review, stage 1 and stage 2, ending on stage 2's last day. */
    applyAndAudit: async (org: DemoOrganisation, stage2LastDay: CalendarDate) => {
      const cycleId = auditCycleId(org);
      const applicationOn = addDays(stage2LastDay, -90);
      await steps.registerReadyOrganisation(org, applicationOn);
      await service.submitApplication(
        {
          auditCycleId: cycleId,
          organisationId: organisationId(org),
          certificateId: certificateId(org),
          standard: org.standard,
          scope: org.scope,
          sites: siteIds(org),
          submittedOn: applicationOn,
        },
        registrar,
      );
      await service.reviewApplication(
        {
          auditCycleId: cycleId,
          outcome: 'ACCEPTED',
          reasons: ['competent auditors available; scope and sites confirmed'],
          reviewedOn: addDays(applicationOn, 5),
        },
        registrar,
      );
      const sites = siteIds(org);
      await steps.audit(cycleId, `${cycleId}-stage1`, 'STAGE1', addDays(stage2LastDay, -41), sites);
      await steps.audit(cycleId, `${cycleId}-stage2`, 'STAGE2', addDays(stage2LastDay, -1), sites);
      return cycleId;
    },

    /** A granted decision by a decision maker of no audit team; waits for the certificate. */
    grant: async (cycleId: string, decidedOn: CalendarDate, decisionMaker = 0) => {
      const { position } = await service.decideCertification(
        {
          auditCycleId: cycleId,
          decision: 'GRANTED',
          decidedOn,
          reasons: ['recommended by the audit team'],
        },
        DEMO_PEOPLE.decisionMakers[decisionMaker % DEMO_PEOPLE.decisionMakers.length]!,
      );
      if (position !== null) await reactor.waitFor(position, timeoutMs);
    },

    /** An initial certification decided on `decidedOn`, with a minor finding answered by a plan. */
    certify: async (org: DemoOrganisation, decidedOn: CalendarDate) => {
      const cycleId = await steps.applyAndAudit(org, addDays(decidedOn, -21));
      const { ncId } = await service.raiseNonconformity(
        {
          auditCycleId: cycleId,
          ncId: `${cycleId}-nc-1`,
          auditId: `${cycleId}-stage2`,
          grade: 'MINOR',
          clause: '9.2',
          description: 'the internal audit programme does not cover every process in scope',
          raisedOn: addDays(decidedOn, -21),
        },
        { actor: DEMO_PEOPLE.auditTeams[0].leadAuditorId },
      );
      await service.acceptCorrectiveActionPlan(
        {
          auditCycleId: cycleId,
          ncId,
          plan: 'extend the audit programme to all processes by the next surveillance',
          acceptedOn: addDays(decidedOn, -7),
        },
        { actor: DEMO_PEOPLE.auditTeams[0].leadAuditorId },
      );
      await steps.grant(cycleId, decidedOn);
      return cycleId;
    },

    /** Surveillance audits 1..count of the first cycle, 11 and 23 months after the decision. */
    surveillances: async (org: DemoOrganisation, decidedOn: CalendarDate, count: 1 | 2) => {
      const cycleId = auditCycleId(org);
      for (const n of [1, 2] as const) {
        if (n > count) return;
        await steps.audit(
          cycleId,
          `${cycleId}-surveillance-${n}`,
          'SURVEILLANCE',
          addMonths(decidedOn, n === 1 ? 11 : 23),
          siteIds(org),
          n,
        );
      }
    },

    /** Recertification application, audit and granted decision (renewal or restoration). */
    recertify: async (
      org: DemoOrganisation,
      dates: { submittedOn: CalendarDate; auditOn: CalendarDate; decidedOn: CalendarDate },
    ) => {
      const cycleId = auditCycleId(org, 2);
      await service.startRecertification(
        {
          certificateId: certificateId(org),
          auditCycleId: cycleId,
          submittedOn: dates.submittedOn,
        },
        registrar,
      );
      await service.reviewApplication(
        {
          auditCycleId: cycleId,
          outcome: 'ACCEPTED',
          reasons: ['recertification programme confirmed'],
          reviewedOn: addDays(dates.submittedOn, 5),
        },
        registrar,
      );
      await steps.audit(
        cycleId,
        `${cycleId}-recertification`,
        'RECERTIFICATION',
        dates.auditOn,
        siteIds(org),
      );
      await steps.grant(cycleId, dates.decidedOn, 1);
    },

    expiryOf: async (org: DemoOrganisation): Promise<CalendarDate> =>
      (await loadCertificate(store, certificateId(org))).expiryDate,

    siteIds,
  };
  return steps;
};

export type DemoSteps = ReturnType<typeof demoSteps>;
