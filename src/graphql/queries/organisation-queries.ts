import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import {
  findOrganisation,
  foldedName,
  organisationSearchText,
  type OrganisationView,
  searchOrganisations,
} from '../../projections';
import type { ApiDependencies } from '../api-dependencies';
import { type RequestContext, Role } from '../auth';
import { type Connection, ConnectionArgs, ConnectionArguments, pageRequest } from '../pagination';
import { Organisation, OrganisationConnection, toOrganisationType } from '../types';
import { connectionFromPage, pageInput } from './connection-from-page';
import { visibleTo } from './read-access';

const matches = (view: OrganisationView, search: string): boolean =>
  organisationSearchText(view.legalName, view.registrationNumber).includes(
    foldedName(search.trim()),
  );

@Resolver()
export class OrganisationQueries {
  constructor(private readonly deps: ApiDependencies) {}

  @Authorized()
  @Query(() => Organisation, { nullable: true })
  organisation(
    @Arg('id', () => ID) id: string,
    @Ctx() { principal }: RequestContext,
  ): Organisation {
    const view = findOrganisation(this.deps.readModels, id);
    return toOrganisationType(
      visibleTo(principal, view, (o) => o.organisationId, 'Organisation', id),
    );
  }

  @Authorized()
  @Query(() => OrganisationConnection, {
    description:
      'Organisations whose legal name or registration number contains `search`, by name; both ignore case and accents (Ölwerk sorts among the Os). A CLIENT key sees its own organisation only.',
  })
  organisations(
    @Arg('search', () => String, { defaultValue: '' }) search: string,
    @ConnectionArguments() args: ConnectionArgs,
    @Ctx() { principal }: RequestContext,
  ): Connection<Organisation> {
    const request = pageRequest(args, { name: 'organisations', arity: 2 });
    const db = this.deps.readModels;
    if (principal?.role === Role.CLIENT) {
      const own = principal.organisationId && findOrganisation(db, principal.organisationId);
      const listed = own && matches(own, search) && request.after === undefined ? own : null;
      const items =
        listed && request.limit > 0
          ? [{ node: listed, key: [listed.legalName.toLowerCase(), listed.organisationId] }]
          : [];
      const hasNextPage = listed !== null && request.limit === 0;
      return connectionFromPage({ items, hasNextPage }, request, toOrganisationType);
    }
    const page = searchOrganisations(db, search, pageInput(request));
    return connectionFromPage(page, request, toOrganisationType);
  }
}
