import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { Config } from '../config';
import { clockFor } from '../composition/clock-for';
import { checkEventStoreMatches, openReadModels, readModelsFile } from '../composition/storage';
import {
  type ApiKeyRecord,
  ApiKeyStore,
  isRole,
  type NewApiKey,
  Role,
  validateNewApiKey,
} from '../graphql/auth';
import { BadUserInputError } from '../graphql/errors';
import { findOrganisation } from '../projections';
import { existingStoreFile } from './existing-store';
import { parseArguments } from './parse-arguments';
import { storeBusyOr } from './store-busy-error';
import { UsageError } from './usage-error';

export interface CommandOutput {
  out: (line: string) => void;
}

/** Output with a channel for warnings (standard error). */
export interface CommandOutputWithWarnings extends CommandOutput {
  err: (line: string) => void;
}

/** Whether the organisations read model knows the id (false before the service first ran). */
const knownOrganisation = (db: Database, organisationId: string): boolean =>
  db
    .prepare<[], unknown>(
      "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'rm_organisations'",
    )
    .get() !== undefined && findOrganisation(db, organisationId) !== null;

const describe = (record: ApiKeyRecord): string[] => [
  `id:           ${record.id}`,
  `role:         ${record.role}`,
  `person:       ${record.personId}`,
  `organisation: ${record.organisationId ?? '-'}`,
  `label:        ${record.label ?? '-'}`,
  `created:      ${record.createdAt}`,
  `revoked:      ${record.revokedAt ?? '-'}`,
];

const table = (records: readonly ApiKeyRecord[]): string[] => {
  const rows = [
    ['ID', 'ROLE', 'PERSON', 'ORGANISATION', 'CREATED', 'REVOKED', 'LABEL'],
    ...records.map((r) => [
      r.id,
      r.role,
      r.personId,
      r.organisationId ?? '-',
      r.createdAt,
      r.revokedAt ?? '-',
      r.label ?? '-',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
};

const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  personId: 'person',
  organisationId: 'organisation',
};

/** The key `api-key create` asks for, checked as the store checks it, before anything is opened. */
const newKeyOf = (argv: readonly string[]): NewApiKey => {
  const { positionals, options } = parseArguments(argv, [
    'role',
    'person',
    'organisation',
    'label',
  ]);
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}`);
  const role = options.get('role');
  const personId = options.get('person');
  if (role === undefined || personId === undefined) {
    throw new UsageError('api-key create needs --role and --person');
  }
  if (!isRole(role)) {
    throw new UsageError(`--role ${role} is not one of ${Object.values(Role).join(', ')}`);
  }
  const organisationId = options.get('organisation');
  const label = options.get('label');
  const key: NewApiKey = {
    role,
    personId,
    ...(organisationId === undefined ? {} : { organisationId }),
    ...(label === undefined ? {} : { label }),
  };
  try {
    validateNewApiKey(key);
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    const option = `--${OPTION_OF_FIELD[error.field] ?? error.field}`;
    throw new UsageError(
      error.message.includes(error.field)
        ? error.message.replace(error.field, option)
        : `${option}: ${error.message}`,
    );
  }
  return key;
};

const create = (
  db: Database,
  store: ApiKeyStore,
  request: NewApiKey,
  { out, err }: CommandOutputWithWarnings,
) => {
  const { key, record } = store.create(request);
  out(`key:          ${key}`);
  for (const line of describe(record)) out(line);
  out('The key is shown only now: store it safely (only its hash is kept).');
  const { organisationId } = request;
  if (organisationId !== undefined && !knownOrganisation(db, organisationId)) {
    err(
      `certcycle: warning: organisation ${organisationId} is not in the read models: check the id ` +
        '(the key is created; it sees nothing until such an organisation exists)',
    );
  }
};

type Action = (db: Database, store: ApiKeyStore) => void;

/** The action with its arguments checked, before any database is opened. */
const actionOf = (
  action: 'create' | 'list' | 'revoke',
  rest: readonly string[],
  output: CommandOutputWithWarnings,
): Action => {
  if (action === 'create') {
    const request = newKeyOf(rest);
    return (db, store) => create(db, store, request, output);
  }
  if (action === 'list') {
    if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}`);
    return (_db, store) => {
      for (const line of table(store.list())) output.out(line);
    };
  }
  const [id, ...extra] = rest;
  if (id === undefined || extra.length > 0) throw new UsageError('api-key revoke needs one key id');
  return (_db, store) => {
    const revokedBefore = store.list().find((record) => record.id === id)?.revokedAt ?? null;
    for (const line of describe(store.revoke(id))) output.out(line);
    if (revokedBefore !== null) output.out(`It was already revoked at ${revokedBefore}.`);
  };
};

/**
 * `api-key create|list|revoke` on the read-model database, where the service verifies keys: its
 * arguments are checked here (a UsageError), before any setting is read; the answer runs it with
 * the configuration. Only `create` makes the database when there is none: `list` and `revoke` on a
 * wrong data directory say so instead of answering from a new, empty one.
 */
export const apiKeyCommand = (
  argv: readonly string[],
  output: CommandOutputWithWarnings,
): ((config: Config) => void) => {
  const [action, ...rest] = argv;
  if (action !== 'create' && action !== 'list' && action !== 'revoke') {
    throw new UsageError(`api-key needs create, list or revoke${action ? `, not ${action}` : ''}`);
  }
  const run = actionOf(action, rest, output);
  return (config) => runOnReadModels(config, action, run, output);
};

const runOnReadModels = (
  config: Config,
  action: 'create' | 'list' | 'revoke',
  run: Action,
  output: CommandOutputWithWarnings,
): void => {
  let file: string;
  if (action === 'create') {
    checkEventStoreMatches(config);
    file = readModelsFile(config);
  } else file = existingStoreFile(config, `keys to ${action}`);
  const existed = existsSync(file);
  try {
    const db = openReadModels(file);
    if (!existed) {
      output.err(
        `certcycle: warning: no store at ${file} yet: created a new one for the key ` +
          '(the service uses it only when started with this CERTCYCLE_DATA_DIR; is it right?)',
      );
    }
    try {
      const clock = clockFor(config);
      run(db, new ApiKeyStore(db, () => clock.now()));
    } finally {
      db.close();
    }
  } catch (error) {
    throw storeBusyOr(error, file);
  }
};
