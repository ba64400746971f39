import { Field, ID, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import type { OrganisationSiteView } from '../../projections';
import { CalendarDateScalar } from '../scalars';

@ObjectType({ description: 'A site of an organisation.' })
export class Site {
  @Field(() => ID, {
    description:
      '`<organisationId>:<siteId>`: a site id names a site within its organisation only, and another organisation may use it.',
  })
  id!: string;

  @Field(() => ID, {
    description:
      'The site within its organisation, as `addSite` named it and applications, audits and scope changes take it.',
  })
  siteId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => String)
  country!: string;

  @Field(() => CalendarDateScalar)
  addedOn!: CalendarDate;

  @Field(() => CalendarDateScalar, { nullable: true })
  removedOn!: CalendarDate | null;
}

export const toSiteType = (organisationId: string, view: OrganisationSiteView): Site =>
  Object.assign(new Site(), {
    id: `${organisationId}:${view.siteId}`,
    siteId: view.siteId,
    name: view.name,
    address: view.address,
    country: view.country,
    addedOn: view.addedOn,
    removedOn: view.removedOn,
  });
