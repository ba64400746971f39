import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../auth';
import { UnauthenticatedError } from '../errors';
import { Caller } from '../types';

@Resolver()
export class MeResolver {
  @Authorized()
  @Query(() => Caller, { description: 'Who the API key belongs to.' })
  me(@Ctx() { principal }: RequestContext): Caller {
    if (!principal) throw new UnauthenticatedError();
    return Object.assign(new Caller(), {
      personId: principal.personId,
      role: principal.role,
      ...(principal.organisationId === undefined
        ? {}
        : { organisationId: principal.organisationId }),
    });
  }
}
