import { DEADLINE_SCANNER_ACTOR, type LifecycleService } from '../application';
import {
  addDays,
  addMonths,
  addYears,
  type CalendarDate,
  type CertificationPolicy,
} from '../domain';
import { type DemoOrganisation, DEMO_ORGANISATIONS as ORGS } from './demo-organisations';
import { DEMO_PEOPLE } from './demo-people';
import { auditCycleId, certificateId, type DemoSteps, organisationId } from './demo-steps';

export interface DemoScenarioContext {
  steps: DemoSteps;
  service: LifecycleService;
  today: CalendarDate;
  policy: CertificationPolicy;
}

export interface DemoScenario {
  organisation: DemoOrganisation;
  /** Where the organisation's certification stands today. */
  state: string;
  /** Answers the state instead when the policy made it differ from `state`. */
  run(context: DemoScenarioContext): Promise<string | void>;
}

const decisionMaker = DEMO_PEOPLE.decisionMakers[0];

/** Certified three years ago plus `days` (the expiry falls about `days` from today). */
const threeYearsAgo = (today: CalendarDate, days: number) => addDays(addYears(today, -3), days);

/** One organisation per state a certificate (or an application) can be in today. */
export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    organisation: ORGS.nordlicht,
    state: 'active, certified five months ago',
    run: async ({ steps, today }) => {
      await steps.certify(ORGS.nordlicht, addDays(today, -150));
    },
  },
  {
    organisation: ORGS.harbour,
    state: 'active, surveillance audit 1 due in about 25 days',
    run: async ({ steps, today }) => {
      await steps.certify(ORGS.harbour, addDays(addMonths(today, -12), 25));
    },
  },
  {
    organisation: ORGS.pacific,
    state: 'active, surveillance audit 1 overdue by about 20 days',
    run: async ({ steps, today }) => {
      await steps.certify(ORGS.pacific, addDays(addMonths(today, -12), -20));
    },
  },
  {
    organisation: ORGS.bright,
    state: 'suspended 25 days ago (serious failure)',
    run: async ({ steps, service, today }) => {
      const decidedOn = addMonths(today, -20);
      await steps.certify(ORGS.bright, decidedOn);
      await steps.surveillances(ORGS.bright, decidedOn, 1);
      await service.suspendCertificate(
        {
          certificateId: certificateId(ORGS.bright),
          grounds: 'SERIOUS_FAILURE',
          details: 'major incident handling failures found in a special audit',
          ownFault: true,
          suspendedOn: addDays(today, -25),
        },
        decisionMaker,
      );
    },
  },
  {
    organisation: ORGS.lisboa,
    state: 'expired about two months ago, not recertified',
    run: async ({ steps, service, today }) => {
      const decidedOn = threeYearsAgo(today, -60);
      await steps.certify(ORGS.lisboa, decidedOn);
      await steps.surveillances(ORGS.lisboa, decidedOn, 2);
      const expiry = await steps.expiryOf(ORGS.lisboa);
      await service.expireCertificate(
        { certificateId: certificateId(ORGS.lisboa), recordedOn: addDays(expiry, 1) },
        { actor: DEADLINE_SCANNER_ACTOR },
      );
    },
  },
  {
    organisation: ORGS.riogrande,
    state: 'restored after a late recertification (a gap without certification)',
    run: async ({ steps, today, policy }) => {
      const decidedOn = threeYearsAgo(today, -150);
      await steps.certify(ORGS.riogrande, decidedOn);
      await steps.surveillances(ORGS.riogrande, decidedOn, 2);
      if (policy.restorationWindowMonths <= 0) {
        return `expired, not restored: policy ${policy.profile} allows no restoration`;
      }
      const expiry = await steps.expiryOf(ORGS.riogrande);
      await steps.recertify(ORGS.riogrande, {
        submittedOn: addDays(expiry, -120),
        auditOn: addDays(expiry, 10),
        decidedOn: addDays(expiry, 40),
      });
    },
  },
  {
    organisation: ORGS.nairobi,
    state: 'in stage 2 with an open major and an open minor nonconformity',
    run: async ({ steps, service, today }) => {
      const cycleId = await steps.applyAndAudit(ORGS.nairobi, addDays(today, -6));
      const auditor = { actor: DEMO_PEOPLE.auditTeams[1].leadAuditorId };
      const finding = {
        auditCycleId: cycleId,
        auditId: `${cycleId}-stage2`,
        raisedOn: addDays(today, -6),
      };
      await service.raiseNonconformity(
        {
          ...finding,
          ncId: `${cycleId}-nc-1`,
          grade: 'MAJOR',
          clause: 'A.8.13',
          description: 'restores of the payment database backups have never been tested',
        },
        auditor,
      );
      await service.raiseNonconformity(
        {
          ...finding,
          ncId: `${cycleId}-nc-2`,
          grade: 'MINOR',
          clause: '7.2',
          description: 'security awareness training records are incomplete for contractors',
        },
        auditor,
      );
    },
  },
  {
    organisation: ORGS.baltic,
    state: 'withdrawn two months ago after a suspension beyond its limit',
    run: async ({ steps, service, today }) => {
      const decidedOn = addMonths(today, -26);
      await steps.certify(ORGS.baltic, decidedOn);
      await steps.surveillances(ORGS.baltic, decidedOn, 1);
      await service.suspendCertificate(
        {
          certificateId: certificateId(ORGS.baltic),
          grounds: 'SURVEILLANCE_NOT_ALLOWED',
          details: 'the client refused to schedule surveillance audit 2',
          ownFault: true,
          suspendedOn: addDays(today, -250),
        },
        decisionMaker,
      );
      await service.withdrawCertificate(
        {
          certificateId: certificateId(ORGS.baltic),
          reason: 'suspension not resolved within six months',
          ownFault: true,
          withdrawnOn: addDays(today, -60),
        },
        decisionMaker,
      );
    },
  },
  {
    organisation: ORGS.andes,
    state: 'transferred in a month ago from another certification body',
    run: async ({ steps, service, today }) => {
      const org = ORGS.andes;
      const cycleId = auditCycleId(org);
      const submittedOn = addDays(today, -40);
      const previousDecision = addMonths(today, -14);
      await steps.registerReadyOrganisation(org, submittedOn);
      await service.transferCertificateIn(
        {
          auditCycleId: cycleId,
          organisationId: organisationId(org),
          certificateId: certificateId(org),
          standard: org.standard,
          scope: org.scope,
          sites: steps.siteIds(org),
          submittedOn,
          previousCertificationBody: 'Global Assurance Registrar Ltd',
          previousCertificateNumber: 'GAR-ISMS-01187',
          previousCycleDecisionDate: previousDecision,
          certificateExpiryDate: addYears(addDays(previousDecision, -1), 3),
          surveillanceProgramme: {
            completedSurveillances: 1,
            lastSurveillanceLastDay: addMonths(previousDecision, 11),
          },
        },
        DEMO_PEOPLE.registrar,
      );
      await service.reviewApplication(
        {
          auditCycleId: cycleId,
          outcome: 'ACCEPTED',
          reasons: ['transfer of an accredited certificate'],
          reviewedOn: addDays(submittedOn, 3),
        },
        DEMO_PEOPLE.registrar,
      );
      await service.recordTransferReview(
        {
          auditCycleId: cycleId,
          reviewedOn: addDays(submittedOn, 5),
          certificateStatus: 'VALID',
          accredited: true,
          reasonsForTransfer: ['the previous certification body left the market in Peru'],
          outstandingNonconformities: [],
          lastReports: ['surveillance audit 1 report of the previous certification body'],
          complaints: [],
        },
        DEMO_PEOPLE.registrar,
      );
      await steps.grant(cycleId, addDays(submittedOn, 10), 1);
    },
  },
  {
    organisation: ORGS.kyoto,
    state: 'renewed three weeks ago for a second cycle',
    run: async ({ steps, today }) => {
      const decidedOn = threeYearsAgo(today, 60);
      await steps.certify(ORGS.kyoto, decidedOn);
      await steps.surveillances(ORGS.kyoto, decidedOn, 2);
      const expiry = await steps.expiryOf(ORGS.kyoto);
      await steps.recertify(ORGS.kyoto, {
        submittedOn: addDays(expiry, -150),
        auditOn: addDays(expiry, -100),
        decidedOn: addDays(expiry, -80),
      });
    },
  },
  {
    organisation: ORGS.atlas,
    state: 'expiring in about 74 days, recertification audit overdue',
    run: async ({ steps, today }) => {
      const decidedOn = threeYearsAgo(today, 75);
      await steps.certify(ORGS.atlas, decidedOn);
      await steps.surveillances(ORGS.atlas, decidedOn, 2);
    },
  },
  {
    organisation: ORGS.maple,
    state: 'reinstated after a voluntary suspension, scope extended to a new site',
    run: async ({ steps, service, today }) => {
      const org = ORGS.maple;
      const decidedOn = addMonths(today, -18);
      await steps.certify(org, decidedOn);
      await steps.surveillances(org, decidedOn, 1);
      await service.suspendCertificate(
        {
          certificateId: certificateId(org),
          grounds: 'VOLUNTARY_REQUEST',
          details: 'office relocation',
          ownFault: false,
          suspendedOn: addDays(today, -150),
        },
        decisionMaker,
      );
      await service.reinstateCertificate(
        {
          certificateId: certificateId(org),
          reason: 'relocation completed and verified',
          reinstatedOn: addDays(today, -100),
        },
        decisionMaker,
      );
      const { siteId } = await service.addSite(
        {
          organisationId: organisationId(org),
          siteId: `site-${org.key}-2`,
          name: 'Vancouver disaster-recovery site',
          address: '1055 West Georgia Street, Vancouver BC',
          country: org.country,
          addedOn: addDays(today, -90),
        },
        DEMO_PEOPLE.registrar,
      );
      await steps.audit(
        auditCycleId(org),
        `${auditCycleId(org)}-extension`,
        'SPECIAL',
        addDays(today, -70),
        [siteId],
      );
      await service.extendScope(
        {
          certificateId: certificateId(org),
          scope: `${org.scope.text}, including disaster recovery`,
          sites: [...steps.siteIds(org), siteId].map((id) => ({ siteId: id })),
          decisionDate: addDays(today, -60),
        },
        decisionMaker,
      );
    },
  },
];
