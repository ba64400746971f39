import { Field, Int, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import type { OrganisationView } from '../../projections';
import { CalendarDateScalar } from '../scalars';

@ObjectType({ description: 'What the organisation has told the CB about its readiness.' })
export class OrganisationReadiness {
  @Field(() => CalendarDateScalar, { nullable: true })
  managementSystemOperatingSince!: CalendarDate | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  lastInternalAuditCompletedOn!: CalendarDate | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  lastManagementReviewCompletedOn!: CalendarDate | null;

  @Field(() => Int, { description: 'Administrative penalties declared.' })
  administrativePenaltyCount!: number;

  @Field(() => Boolean, { nullable: true, description: 'Null until declared.' })
  consultancyUsed!: boolean | null;
}

export const toOrganisationReadiness = (
  readiness: OrganisationView['readiness'],
): OrganisationReadiness =>
  Object.assign(new OrganisationReadiness(), {
    managementSystemOperatingSince: readiness.managementSystemOperatingSince,
    lastInternalAuditCompletedOn: readiness.lastInternalAuditCompletedOn,
    lastManagementReviewCompletedOn: readiness.lastManagementReviewCompletedOn,
    administrativePenaltyCount: readiness.administrativePenalties.length,
    consultancyUsed: readiness.consultancy?.used ?? null,
  });
