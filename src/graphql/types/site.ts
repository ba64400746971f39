import { Field, ID, ObjectType } from 'type-graphql';
import type { CalendarDate } from '../../domain';
import type { OrganisationSiteView } from '../../projections';
import { CalendarDateScalar } from '../scalars';

@ObjectType({ description: 'A site of an organisation.' })
export class Site {
  @Field(() => ID)
  id!: string;

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

export const toSiteType = (view: OrganisationSiteView): Site =>
  Object.assign(new Site(), {
    id: view.siteId,
    name: view.name,
    address: view.address,
    country: view.country,
    addedOn: view.addedOn,
    removedOn: view.removedOn,
  });
