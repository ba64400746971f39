import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { calendarDate } from '../../src/domain';
import type { Certcycle } from '../../src/composition';
import { startQuietly, testConfig, graphql } from '../composition/composed-service';
import { temporaryDirectory } from '../eventstore/temp-store';
import { fields, runCliProcess } from '../support/source-process';

jest.setTimeout(60_000);

describe('npm run cli -- api-key', () => {
  const dir = temporaryDirectory('cli-api-key');
  const env = { CERTCYCLE_DATA_DIR: dir.path };
  let app: Certcycle;

  beforeAll(async () => {
    app = await startQuietly(testConfig(dir.path));
    await app.ready;
  });
  afterAll(async () => {
    await app.close();
    dir.remove();
  });

  it('creates a key the running service accepts, lists it and revokes it', async () => {
    const created = await runCliProcess(
      ['api-key', 'create', '--role', 'CLIENT', '--person', 'cl-7', '--organisation', 'org-9'],
      env,
    );
    expect(created.code).toBe(0);
    expect(created.stderr).toBe(
      'certcycle: warning: organisation org-9 is not in the read models: check the id (the key is ' +
        'created; it sees nothing until such an organisation exists)\n',
    );
    const record = fields(created.stdout);
    expect(record).toMatchObject({ role: 'CLIENT', person: 'cl-7', organisation: 'org-9' });
    expect(record.key).toMatch(/^cc_[A-Za-z0-9_-]{43}$/);
    expect(await graphql(app, '{ me { personId role organisationId } }', {}, record.key)).toEqual({
      data: { me: { personId: 'cl-7', role: 'CLIENT', organisationId: 'org-9' } },
    });

    const listed = await runCliProcess(['api-key', 'list'], env);
    expect(listed.code).toBe(0);
    const rows = listed.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^ID\s+ROLE\s+PERSON\s+ORGANISATION\s+CREATED\s+REVOKED\s+LABEL$/);
    const row = rows.find((line) => line.startsWith(record.id!));
    expect(row?.split(/\s+/).slice(0, 4)).toEqual([record.id, 'CLIENT', 'cl-7', 'org-9']);
    expect(listed.stdout).not.toContain(record.key);

    const revoked = await runCliProcess(['api-key', 'revoke', record.id!], env);
    expect(revoked.code).toBe(0);
    const revokedAt = fields(revoked.stdout).revoked;
    expect(revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(revoked.stdout).not.toContain('already revoked');
    const again = await runCliProcess(['api-key', 'revoke', record.id!], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`It was already revoked at ${revokedAt}.`);
    const refused = await graphql(app, '{ me { personId } }', {}, record.key);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);
  });

  it('dates keys by the fixed clock when CERTCYCLE_NOW is set', async () => {
    const fixed = { ...env, CERTCYCLE_NOW: '2026-03-02T09:00:00Z' };
    const created = await runCliProcess(
      ['api-key', 'create', '--role', 'VIEWER', '--person', 'v-1'],
      fixed,
    );
    expect(created.code).toBe(0);
    const { id } = fields(created.stdout);
    const listed = await runCliProcess(['api-key', 'list'], fixed);
    const row = listed.stdout.split('\n').find((line) => line.startsWith(id!));
    expect(row?.split(/\s+/)[4]).toBe('2026-03-02T09:00:00.000Z');
    const revoked = await runCliProcess(['api-key', 'revoke', id!], fixed);
    expect(fields(revoked.stdout).revoked).toBe('2026-03-02T09:00:00.000Z');
  });

  it('creates a CLIENT key of a known organisation without a warning', async () => {
    const registered = await app.service.registerOrganisation(
      {
        organisationId: 'org-known',
        legalName: 'Known Hosting Ltd',
        registrationNumber: '91110000MA00000000',
        country: 'CN',
        address: '1 Data Road, Beijing',
        registeredOn: calendarDate('2024-01-02'),
      },
      { actor: 'admin' },
    );
    await app.runner.waitFor(registered.position!, 5000);
    const created = await runCliProcess(
      ['api-key', 'create', '--role', 'CLIENT', '--person', 'cl-8', '--organisation', 'org-known'],
      env,
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
  });

  it('answers bad usage with exit code 2 and the usage, before making a store; an unknown key with exit code 1', async () => {
    const noRole = await runCliProcess(['api-key', 'create', '--person', 'p-1'], env);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain('api-key create needs --role and --person');
    expect(noRole.stderr).toContain('usage: npm run cli -- <command>');

    const nowhere = join(dir.path, 'no-store-for-bad-usage');
    const clientWithoutOrganisation = await runCliProcess(
      ['api-key', 'create', '--role', 'CLIENT', '--person', 'p-1'],
      { CERTCYCLE_DATA_DIR: nowhere },
    );
    expect(clientWithoutOrganisation).toMatchObject({ code: 2, stdout: '' });
    expect(clientWithoutOrganisation.stderr).toMatch(
      /^certcycle: --organisation: a CLIENT key needs the organisation it belongs to\n\nusage:/,
    );
    const longPerson = await runCliProcess(
      ['api-key', 'create', '--role', 'ADMIN', '--person', 'p'.repeat(300)],
      { CERTCYCLE_DATA_DIR: nowhere },
    );
    expect(longPerson.code).toBe(2);
    expect(longPerson.stderr).toMatch(
      /^certcycle: --person must be 1-100 characters without white space/,
    );
    const spacedPerson = await runCliProcess(
      ['api-key', 'create', '--role', 'DECISION_MAKER', '--person', 'aud li wang'],
      { CERTCYCLE_DATA_DIR: nowhere },
    );
    expect(spacedPerson.code).toBe(2);
    expect(spacedPerson.stderr).toMatch(
      /^certcycle: --person must be 1-100 characters without white space, as the ids of audit teams are/,
    );
    expect(existsSync(nowhere)).toBe(false);

    const unknownKey = await runCliProcess(['api-key', 'revoke', 'no-such-id'], env);
    expect(unknownKey.code).toBe(1);
    expect(unknownKey.stderr).toContain('no-such-id');
  });

  it('lists and revokes nothing in a data directory without a store, and leaves it so', async () => {
    const nowhere = join(dir.path, 'not-a-store');
    for (const argv of [['list'], ['revoke', 'some-id']]) {
      const answer = await runCliProcess(['api-key', ...argv], { CERTCYCLE_DATA_DIR: nowhere });
      expect(answer).toMatchObject({ code: 1, stdout: '' });
      expect(answer.stderr).toBe(
        `certcycle: configuration error: no certcycle store at ${join(nowhere, 'certcycle.db')}, so no keys to ${argv[0]} ` +
          '(is CERTCYCLE_DATA_DIR right?)\n',
      );
    }
    const usage = await runCliProcess(['api-key', 'revoke'], { CERTCYCLE_DATA_DIR: nowhere });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('api-key revoke needs one key id');
    expect(existsSync(nowhere)).toBe(false);
  });

  it('answers a data directory that is a file with one configuration error line', async () => {
    const file = join(dir.path, 'a-file');
    writeFileSync(file, 'not a directory');
    const answer = await runCliProcess(
      ['api-key', 'create', '--role', 'ADMIN', '--person', 'a-1'],
      {
        CERTCYCLE_DATA_DIR: file,
      },
    );
    expect(answer).toMatchObject({ code: 1, stdout: '' });
    expect(answer.stderr).toMatch(
      new RegExp(
        `^certcycle: configuration error: CERTCYCLE_DATA_DIR ${file} cannot be used as a directory: [^\\n]*\\n$`,
      ),
    );
  });

  it('says that a data directory is a file when listing or revoking keys', async () => {
    const file = join(dir.path, 'another-file');
    writeFileSync(file, 'not a directory');
    for (const argv of [['list'], ['revoke', 'some-id']]) {
      const answer = await runCliProcess(['api-key', ...argv], { CERTCYCLE_DATA_DIR: file });
      expect(answer).toEqual({
        code: 1,
        stdout: '',
        stderr: `certcycle: configuration error: CERTCYCLE_DATA_DIR ${file} is not a directory\n`,
      });
    }
  });

  it('says which option lacks its value when the next word is another option', async () => {
    const answer = await runCliProcess(['api-key', 'create', '--role', '--person', 'p-1'], env);
    expect(answer.code).toBe(2);
    expect(answer.stderr).toMatch(/^certcycle: --role needs a value\n/);
  });

  it('creates a key in a data directory without a store, saying it made a new store there', async () => {
    const fresh = join(dir.path, 'fresh');
    const created = await runCliProcess(
      ['api-key', 'create', '--role', 'ADMIN', '--person', 'a-1'],
      {
        CERTCYCLE_DATA_DIR: fresh,
      },
    );
    expect(created.code).toBe(0);
    expect(created.stderr).toBe(
      `certcycle: warning: no store at ${join(fresh, 'certcycle.db')} yet: created a new one for the ` +
        'key (the service uses it only when started with this CERTCYCLE_DATA_DIR; is it right?)\n',
    );
    const again = await runCliProcess(['api-key', 'create', '--role', 'ADMIN', '--person', 'a-2'], {
      CERTCYCLE_DATA_DIR: fresh,
    });
    expect(again).toMatchObject({ code: 0, stderr: '' });
  });
  it('says in one line that the store stayed locked, rather than with a stack trace', async () => {
    const holder = new Database(join(dir.path, 'certcycle.db'));
    holder.exec('BEGIN IMMEDIATE');
    try {
      const answer = await runCliProcess(
        ['api-key', 'create', '--role', 'VIEWER', '--person', 'v-locked'],
        env,
      );
      expect(answer).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `certcycle: the store ${join(dir.path, 'certcycle.db')} stayed locked by another ` +
          "process's write for over 5 s (a rebuild, or the service building its query indexes); " +
          'nothing was changed: try again in a moment\n',
      });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
