import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { auditCycleStreamName } from '../../domain';
import type { ApiDependencies } from '../api-dependencies';
import type { RequestContext } from '../auth';
import { DecideCertificationInput } from '../inputs';
import { AuditCycle } from '../types';
import { actorOf } from './actor-of';
import { ExpectedVersionArg } from './expected-version-arg';
import { expectedVersionOption } from './expected-version';
import { given } from './given';
import { DECISION_MAKERS } from './mutation-roles';
import { MutationSupport } from './mutation-support';

@Resolver()
export class DecisionMutations {
  private readonly support: MutationSupport;

  constructor(private readonly deps: ApiDependencies) {
    this.support = new MutationSupport(deps);
  }

  @Authorized(DECISION_MAKERS)
  @Mutation(() => AuditCycle, {
    description:
      "The certification decision (ISO/IEC 17021-1 9.5) by the caller, who must have taken no part in any audit of the cycle. A grant answers once the certificate it issues, renews, restores or transfers in is visible to queries. A transfer decided after its programme's next surveillance fell due is refused (TRANSFER_SURVEILLANCE_OVERDUE) until that surveillance audit is completed in the transfer cycle.",
  })
  async decideCertification(
    @Arg('input', () => DecideCertificationInput) input: DecideCertificationInput,
    @ExpectedVersionArg() expectedVersion: number | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditCycle> {
    const result = await this.support.run(
      this.deps.service.decideCertification(
        {
          auditCycleId: input.auditCycleId,
          decision: input.decision,
          decidedOn: input.decidedOn,
          reasons: [...input.reasons],
          effectiveOn: given(input.effectiveOn),
        },
        actorOf(context),
        expectedVersionOption(expectedVersion),
      ),
    );
    if (result.position !== null && input.decision === 'GRANTED') {
      const certificateId = await this.certificateIdOf(input.auditCycleId);
      await this.support.readYourWrites.certificateVisible(result.position, certificateId);
    } else {
      await this.support.readYourWrites.visible(result.position);
    }
    return this.support.changed.auditCycle(result.id);
  }

  /** The certificate the cycle's application named (its first event). */
  private async certificateIdOf(auditCycleId: string): Promise<string> {
    const [submitted] = await this.deps.eventLog.readStream(auditCycleStreamName(auditCycleId), {
      maxCount: 1,
    });
    const certificateId = (submitted?.data as { certificateId?: unknown } | undefined)
      ?.certificateId;
    if (typeof certificateId !== 'string') {
      throw new Error(`audit cycle ${auditCycleId} does not start with an application`);
    }
    return certificateId;
  }
}
