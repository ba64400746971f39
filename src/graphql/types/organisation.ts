import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CalendarDate, PolicyProfile } from '../../domain';
import type { OrganisationView } from '../../projections';
import { CalendarDateScalar } from '../scalars';
import { PolicyProfileEnum } from './enums';
import { OrganisationReadiness, toOrganisationReadiness } from './organisation-readiness';

/** Its sites are a field resolver (OrganisationFields): read, in a batch, when asked for. */
@ObjectType({ description: 'A client organisation of the certification body.' })
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  legalName!: string;

  @Field(() => String, { nullable: true })
  registrationNumber!: string | null;

  @Field(() => String)
  country!: string;

  @Field(() => String)
  address!: string;

  @Field(() => CalendarDateScalar)
  registeredOn!: CalendarDate;

  @Field(() => PolicyProfileEnum)
  policyProfile!: PolicyProfile;

  @Field(() => OrganisationReadiness)
  readiness!: OrganisationReadiness;

  @Field(() => Int, { description: 'Stream version: the `expectedVersion` of the next change.' })
  version!: number;
}

export const toOrganisationType = (view: OrganisationView): Organisation =>
  Object.assign(new Organisation(), {
    id: view.organisationId,
    legalName: view.legalName,
    registrationNumber: view.registrationNumber,
    country: view.country,
    address: view.address,
    registeredOn: view.registeredOn,
    policyProfile: view.policyProfile,
    readiness: toOrganisationReadiness(view.readiness),
    version: view.version,
  });
