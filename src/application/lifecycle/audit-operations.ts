import {
  type AuditCycle,
  type AuditCycleCommand,
  auditCycleDecider,
  auditCycleStreamName,
  type AuditKind,
  type AuditMode,
  type CalendarDate,
  type NonconformityGrade,
  type SurveillanceNumber,
} from '../../domain';
import type { LifecycleRuntime } from './lifecycle-runtime';
import { requireListedSites } from './certificate-sites';
import { loadAuditCycle, loadCertificate, loadOrganisation } from './load-existing';
import { requireAuditInCycle } from './audit-in-cycle';
import { requireNotAfterWithdrawal } from './not-after-withdrawal';
import type { OperationContext, OperationOptions, OperationResult } from './operation-result';

export interface PlanAuditInput {
  auditCycleId: string;
  /** Generated (UUID) when absent. */
  auditId?: string;
  kind: AuditKind;
  surveillanceNumber?: SurveillanceNumber;
  plannedStart: CalendarDate;
  plannedEnd: CalendarDate;
  mode: AuditMode;
  leadAuditorId: string;
  team: string[];
  sites: string[];
}

/** Team, lead auditor and sites default to the plan's. */
export interface CompleteAuditInput {
  auditCycleId: string;
  auditId: string;
  firstDay: CalendarDate;
  lastDay: CalendarDate;
  leadAuditorId?: string;
  team?: string[];
  sites?: string[];
}

export interface RaiseNonconformityInput {
  auditCycleId: string;
  /** Generated (UUID) when absent. */
  ncId?: string;
  auditId: string;
  grade: NonconformityGrade;
  clause: string;
  description: string;
  raisedOn: CalendarDate;
}

export interface AcceptCorrectiveActionPlanInput {
  auditCycleId: string;
  ncId: string;
  plan: string;
  acceptedOn?: CalendarDate;
}

export interface VerifyNonconformityInput {
  auditCycleId: string;
  ncId: string;
  correction: string;
  correctiveAction: string;
  verifiedOn?: CalendarDate;
}

export interface DecideCertificationInput {
  auditCycleId: string;
  decision: 'GRANTED' | 'REFUSED';
  decidedOn: CalendarDate;
  reasons: string[];
  effectiveOn?: CalendarDate;
}

export const auditOperations = (runtime: LifecycleRuntime) => {
  const { store, run, dateOr } = runtime;

  /** Loads the cycle (UnknownAggregateError when absent), builds the command from it and sends it. */
  const send = async (
    auditCycleId: string,
    command: (cycle: AuditCycle) => AuditCycleCommand | Promise<AuditCycleCommand>,
    context: OperationContext,
    options?: OperationOptions,
  ): Promise<OperationResult> => {
    const cycle = await loadAuditCycle(store, auditCycleId, options?.expectedVersion);
    return run(
      auditCycleDecider,
      auditCycleId,
      auditCycleStreamName(auditCycleId),
      await command(cycle),
      context,
      options,
    );
  };

  /** What a RECERTIFICATION decision needs from the certificate it renews. */
  const renewedCertificateFacts = async (certificateId: string) => {
    const { expiryDate, uncappedExpiryDate, auditCycleId } = await loadCertificate(
      store,
      certificateId,
    );
    return {
      certificateExpiryDate: expiryDate,
      certificateUncappedExpiryDate: uncappedExpiryDate,
      certificateAuditCycleId: auditCycleId,
    };
  };

  /** Refuses sites of an audit that the cycle's organisation does not list (SITE_NOT_LISTED). */
  const requireOrganisationSites = async (
    cycle: AuditCycle,
    sites: readonly string[],
    audit: string,
  ): Promise<void> => {
    const organisation = await loadOrganisation(store, cycle.application.organisationId);
    requireListedSites(organisation, sites, audit);
  };

  /** An operation whose command is built from its input, the caller and the loaded cycle. */
  const operation =
    <Input extends { auditCycleId: string }>(
      command: (
        input: Input,
        context: OperationContext,
        cycle: AuditCycle,
      ) => AuditCycleCommand | Promise<AuditCycleCommand>,
    ) =>
    (input: Input, context: OperationContext, options?: OperationOptions) =>
      send(input.auditCycleId, (cycle) => command(input, context, cycle), context, options);

  return {
    /**
     * Answers the audit id too (generated when absent); its sites are the organisation's; none
     * starts after its certificate's withdrawal, or once a renewal or restoration began a later
     * cycle.
     */
    planAudit: async (
      { auditId = runtime.newId(), ...plan }: PlanAuditInput,
      context: OperationContext,
      options?: OperationOptions,
    ): Promise<OperationResult & { auditId: string }> => ({
      ...(await send(
        plan.auditCycleId,
        async (cycle) => {
          await requireAuditInCycle(store, cycle, plan.plannedStart, 'an audit planned to start');
          if (Array.isArray(plan.sites))
            await requireOrganisationSites(cycle, plan.sites, `the ${plan.kind} audit`);
          return { type: 'PlanAudit', data: { ...plan, auditId } };
        },
        context,
        options,
      )),
      auditId,
    }),

    /**
     * The planned team and sites unless others are given; given sites are the organisation's;
     * not started after the certificate's withdrawal, or once a later cycle began.
     */
    completeAudit: operation(async (input: CompleteAuditInput, _context, cycle) => {
      await requireAuditInCycle(store, cycle, input.firstDay, 'an audit starting');
      const planned = cycle.audits.find((audit) => audit.auditId === input.auditId);
      if (Array.isArray(input.sites))
        await requireOrganisationSites(cycle, input.sites, `audit ${input.auditId}`);
      return {
        type: 'CompleteAudit',
        data: {
          auditCycleId: input.auditCycleId,
          auditId: input.auditId,
          firstDay: input.firstDay,
          lastDay: input.lastDay,
          leadAuditorId: input.leadAuditorId ?? planned?.leadAuditorId ?? '',
          team: input.team ?? [...(planned?.team ?? [])],
          sites: input.sites ?? [...(planned?.sites ?? [])],
        },
      };
    }),

    /**
     * The actor raises it, not after the certificate's withdrawal; answers the nonconformity id
     * too (generated when absent).
     */
    raiseNonconformity: async (
      { ncId = runtime.newId(), ...finding }: RaiseNonconformityInput,
      context: OperationContext,
      options?: OperationOptions,
    ): Promise<OperationResult & { ncId: string }> => ({
      ...(await send(
        finding.auditCycleId,
        async (cycle) => {
          await requireNotAfterWithdrawal(store, cycle, finding.raisedOn, 'a nonconformity raised');
          return {
            type: 'RaiseNonconformity',
            data: { ...finding, ncId, raisedBy: context.actor },
          };
        },
        context,
        options,
      )),
      ncId,
    }),

    /** The person accepting the plan is the actor. */
    acceptCorrectiveActionPlan: operation(
      ({ acceptedOn, ...input }: AcceptCorrectiveActionPlanInput, { actor }) => ({
        type: 'AcceptCorrectiveActionPlan',
        data: { ...input, acceptedOn: dateOr(acceptedOn), acceptedBy: actor },
      }),
    ),

    /** The verifier is the actor. */
    verifyNonconformity: operation(
      ({ verifiedOn, ...input }: VerifyNonconformityInput, { actor }) => ({
        type: 'VerifyNonconformity',
        data: { ...input, verifiedOn: dateOr(verifiedOn), verifiedBy: actor },
      }),
    ),

    /**
     * The decision maker is the actor (impartiality is checked against the audit teams and those
     * who raised and followed up the findings). A RECERTIFICATION decision carries the
     * certificate's current expiry and cycle, loaded here. A grant the certificate would refuse is refused here, with the certificate's reason (`checkGrant`); the
     * certificate itself changes when the certification-outcome reactor handles the grant.
     */
    decideCertification: operation(async (input: DecideCertificationInput, { actor }, cycle) => {
      const command: AuditCycleCommand = {
        type: 'DecideCertification',
        data: {
          ...input,
          decisionMakerId: actor,
          consultancy: (await loadOrganisation(store, cycle.application.organisationId)).readiness
            .consultancy,
          ...(cycle.application.kind === 'RECERTIFICATION'
            ? await renewedCertificateFacts(cycle.application.certificateId)
            : {}),
        },
      };
      runtime.requireHappened(command);
      for (const event of auditCycleDecider.decide(command, cycle)) {
        if (event.type === 'CertificationGranted') await runtime.checkGrant(event, actor);
      }
      return command;
    }),
  };
};
