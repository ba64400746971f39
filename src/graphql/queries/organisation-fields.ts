import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiDependencies } from '../api-dependencies';
import { Organisation, Site, toSiteType } from '../types';
import { requestLoadersOf } from './request-loaders';

@Resolver(() => Organisation)
export class OrganisationFields {
  constructor(private readonly deps: ApiDependencies) {}

  @FieldResolver(() => [Site], {
    description: 'Current sites in the order added; removed ones on request.',
  })
  async sites(
    @Root() organisation: Organisation,
    @Arg('includeRemoved', () => Boolean, { defaultValue: false }) includeRemoved: boolean,
    @Ctx() context: object,
  ): Promise<Site[]> {
    const loaders = requestLoadersOf(context, this.deps.readModels);
    const sites = (await loaders.organisationSites.load(organisation.id)) ?? [];
    return sites
      .filter((site) => includeRemoved || site.removedOn === null)
      .map((site) => toSiteType(organisation.id, site));
  }
}
