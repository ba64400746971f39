import type { Certcycle } from '../../../../src/composition';
import { Role } from '../../../../src/graphql';
import type { ApiHarness } from '../../support/api-harness';
import { type GraphQLResponse, post } from '../../support/test-server';
import {
  cycleReadyForDecision,
  grantedOverHttp,
  grantOverHttp,
} from '../../mutations/lifecycle-over-http';

export type Caller = Role | 'ANONYMOUS' | { key: string };

/** A key for every role on the composed service (CLIENT bound to `clientOrganisationId`). */
export const composedApi = (app: Certcycle, clientOrganisationId: string) => {
  const createKey = (role: Role, organisationId?: string): string =>
    app.apiKeys.create({
      personId: `person-${role.toLowerCase()}`,
      role,
      ...(role === Role.CLIENT ? { organisationId: organisationId ?? clientOrganisationId } : {}),
    }).key;
  const keys = Object.fromEntries(
    Object.values(Role).map((role) => [role, createKey(role)]),
  ) as Record<Role, string>;
  const query = (
    caller: Caller,
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse> =>
    post(app.url, document, {
      ...(typeof caller === 'object'
        ? { key: caller.key }
        : caller === 'ANONYMOUS'
          ? {}
          : { key: keys[caller] }),
      ...(variables ? { variables } : {}),
    });
  const harness = { query } as unknown as ApiHarness;
  return {
    keys,
    createKey,
    query,
    /** A certificate `<organisationId>-cert` granted on 2024-08-20 through mutations. */
    granted: (organisationId: string) => grantedOverHttp(harness, organisationId),
    /** `granted` in two steps: the cycle ready for its decision, then the decision. */
    readyForDecision: (organisationId: string) =>
      cycleReadyForDecision(
        harness,
        organisationId,
        `${organisationId}-cycle`,
        `${organisationId}-cert`,
      ),
    grant: (organisationId: string) => grantOverHttp(harness, `${organisationId}-cycle`),
  };
};

/** Polls until `probe` answers something other than undefined (or fails after `timeoutMs`). */
export const eventually = async <T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

export const codeOf = (response: GraphQLResponse): unknown =>
  response.body.errors?.[0]?.extensions?.code;

export const fieldOf = (response: GraphQLResponse): unknown =>
  response.body.errors?.[0]?.extensions?.field;

/** The data of a response that must have no errors. */
export const dataOf = (response: GraphQLResponse): Record<string, unknown> => {
  if (response.body.errors || !response.body.data) {
    throw new Error(`unexpected errors ${JSON.stringify(response.body.errors)}`);
  }
  return response.body.data;
};
