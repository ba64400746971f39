import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { OperationResult } from '../../application';
import type { ApiDependencies } from '../api-dependencies';
import type { RequestContext } from '../auth';
import {
  AcceptCorrectiveActionPlanInput,
  CompleteAuditInput,
  PlanAuditInput,
  RaiseNonconformityInput,
  VerifyNonconformityInput,
} from '../inputs';
import { AuditCycle } from '../types';
import { actorOf } from './actor-of';
import { ExpectedVersionArg } from './expected-version-arg';
import { expectedVersionOption } from './expected-version';
import { given } from './given';
import { AUDITORS } from './mutation-roles';
import { MutationSupport } from './mutation-support';

/** Audits and their findings; each answers the changed audit cycle. */
@Resolver()
export class AuditMutations {
  private readonly support: MutationSupport;

  constructor(private readonly deps: ApiDependencies) {
    this.support = new MutationSupport(deps);
  }

  @Authorized(AUDITORS)
  @Mutation(() => AuditCycle, { description: 'Plans an audit of the cycle.' })
  planAudit(
    @Arg('input', () => PlanAuditInput) input: PlanAuditInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    return this.auditCycle(
      this.deps.service.planAudit(
        {
          auditCycleId: input.auditCycleId,
          auditId: given(input.auditId),
          kind: input.kind,
          surveillanceNumber: given(input.surveillanceNumber),
          plannedStart: input.plannedStart,
          plannedEnd: input.plannedEnd,
          mode: input.mode,
          leadAuditorId: input.leadAuditorId,
          team: [...input.team],
          sites: [...input.sites],
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(AUDITORS)
  @Mutation(() => AuditCycle, {
    description:
      "Records the audit's actual first and last day (team and sites default to the plan's).",
  })
  completeAudit(
    @Arg('input', () => CompleteAuditInput) input: CompleteAuditInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    return this.auditCycle(
      this.deps.service.completeAudit(
        {
          auditCycleId: input.auditCycleId,
          auditId: input.auditId,
          firstDay: input.firstDay,
          lastDay: input.lastDay,
          leadAuditorId: given(input.leadAuditorId),
          team: input.team ? [...input.team] : undefined,
          sites: input.sites ? [...input.sites] : undefined,
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(AUDITORS)
  @Mutation(() => AuditCycle, { description: 'Raises a major or minor nonconformity of an audit.' })
  raiseNonconformity(
    @Arg('input', () => RaiseNonconformityInput) input: RaiseNonconformityInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    return this.auditCycle(
      this.deps.service.raiseNonconformity(
        {
          auditCycleId: input.auditCycleId,
          ncId: given(input.ncId),
          auditId: input.auditId,
          grade: input.grade,
          clause: input.clause,
          description: input.description,
          raisedOn: input.raisedOn,
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(AUDITORS)
  @Mutation(() => AuditCycle, {
    description: "Accepts the client's corrective action plan for a nonconformity.",
  })
  acceptCorrectiveActionPlan(
    @Arg('input', () => AcceptCorrectiveActionPlanInput) input: AcceptCorrectiveActionPlanInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    return this.auditCycle(
      this.deps.service.acceptCorrectiveActionPlan(
        {
          auditCycleId: input.auditCycleId,
          ncId: input.ncId,
          plan: input.plan,
          acceptedOn: given(input.acceptedOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  @Authorized(AUDITORS)
  @Mutation(() => AuditCycle, {
    description: 'Verifies the correction and corrective action of a nonconformity.',
  })
  verifyNonconformity(
    @Arg('input', () => VerifyNonconformityInput) input: VerifyNonconformityInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    return this.auditCycle(
      this.deps.service.verifyNonconformity(
        {
          auditCycleId: input.auditCycleId,
          ncId: input.ncId,
          correction: input.correction,
          correctiveAction: input.correctiveAction,
          verifiedOn: given(input.verifiedOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
  }

  private async auditCycle(operation: Promise<OperationResult>): Promise<AuditCycle> {
    const { id } = await this.support.write(operation);
    return this.support.changed.auditCycle(id);
  }
}
