import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ApiKeyStore,
  type ApiServer,
  createApiServer,
  createInMemoryPubSub,
  type QueryLimits,
  Role,
  type ServiceReadiness,
} from '../../../src/graphql';
import { buildTestSchema } from './test-schema';

export interface TestServer {
  url: string;
  keys: Record<Role, string>;
  revokedKey: string;
  apiKeys: ApiKeyStore;
  pubSub: ReturnType<typeof createInMemoryPubSub>;
  internalErrors: unknown[];
  setReadiness(state: ServiceReadiness | Error): void;
  close(): Promise<void>;
}

export const CLIENT_ORGANISATION = 'org-acme';

export const startTestServer = async (
  options: {
    production?: boolean;
    limits?: Partial<QueryLimits>;
    maxBodyBytes?: number;
    port?: number;
    corsOrigins?: string[];
  } = {},
): Promise<TestServer> => {
  const directory = mkdtempSync(join(tmpdir(), 'certcycle-graphql-'));
  const db = new Database(join(directory, 'api.sqlite'));
  const apiKeys = new ApiKeyStore(db, () => new Date());
  const keyOf = (role: Role) =>
    apiKeys.create({
      personId: `person-${role.toLowerCase()}`,
      role,
      ...(role === Role.CLIENT ? { organisationId: CLIENT_ORGANISATION } : {}),
    }).key;
  const keys = Object.fromEntries(Object.values(Role).map((role) => [role, keyOf(role)])) as Record<
    Role,
    string
  >;
  const revoked = apiKeys.create({ personId: 'person-gone', role: Role.ADMIN });
  apiKeys.revoke(revoked.record.id);

  const pubSub = createInMemoryPubSub();
  const internalErrors: unknown[] = [];
  let readiness: ServiceReadiness | Error = { ready: true };
  const server: ApiServer = await createApiServer({
    schema: await buildTestSchema(pubSub),
    apiKeys,
    production: options.production ?? false,
    port: options.port ?? 0,
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    readiness: () => {
      if (readiness instanceof Error) throw readiness;
      return readiness;
    },
    reportInternalError: (error) => internalErrors.push(error),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });
  return {
    url: server.url,
    keys,
    revokedKey: revoked.key,
    apiKeys,
    pubSub,
    internalErrors,
    setReadiness: (state) => {
      readiness = state;
    },
    close: async () => {
      await server.close();
      db.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
};

export interface GraphQLResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  };
}

export const post = async (
  url: string,
  query: string,
  { key, variables }: { key?: string; variables?: Record<string, unknown> } = {},
): Promise<GraphQLResponse> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
};

export const firstError = (response: GraphQLResponse) => {
  const error = response.body.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(response.body)}`);
  return error;
};
