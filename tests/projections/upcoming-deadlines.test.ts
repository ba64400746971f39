import {
  certificateDeadlines,
  InvalidDeadlineQueryError,
  InvalidPageInputError,
  openDeadlines,
  upcomingDeadlines,
  upcomingDeadlinesSql,
  type UpcomingDeadlinesInput,
} from '../../src/projections';
import type { DeadlineType } from '../../src/domain';
import { ACME, BETA, GAMMA, d, typicalReadSide } from './lifecycle-fixture';

describe('upcoming deadlines', () => {
  const readSide = typicalReadSide('deadlines');

  const listed = (input: UpcomingDeadlinesInput) =>
    upcomingDeadlines(readSide().db, input).items.map(({ node }) => [
      node.aggregateId,
      node.key,
      node.dueDate,
      node.state,
      node.daysRemaining,
    ]);

  it('lists open deadlines due within the window, overdue ones first, as of the date', () => {
    expect(listed({ asOf: d('2026-04-01') })).toEqual([
      [BETA.initialCycle, 'SURVEILLANCE_AUDIT_DUE:1', '2026-01-10', 'OVERDUE', -81],
      [ACME.initialCycle, 'SURVEILLANCE_AUDIT_DUE:2', '2026-03-20', 'OVERDUE', -12],
    ]);
    expect(listed({ asOf: d('2026-10-01') })).toEqual([
      [BETA.initialCycle, 'SURVEILLANCE_AUDIT_DUE:1', '2026-01-10', 'OVERDUE', -264],
      [GAMMA.initialCycle, 'STAGE2_DUE:stage1', '2026-11-11', 'UPCOMING', 41],
      [ACME.certificateId, 'RECERTIFICATION_AUDIT_DUE:2027-03-19', '2026-12-19', 'UPCOMING', 79],
    ]);
  });

  it('leaves out overdue deadlines when asked, and deadlines beyond the window', () => {
    expect(listed({ asOf: d('2026-04-01'), includeOverdue: false })).toEqual([]);
    expect(listed({ asOf: d('2026-10-01'), withinDays: 41, includeOverdue: false })).toEqual([
      [GAMMA.initialCycle, 'STAGE2_DUE:stage1', '2026-11-11', 'UPCOMING', 41],
    ]);
    expect(listed({ asOf: d('2026-11-11'), withinDays: 0, includeOverdue: false })).toEqual([
      [GAMMA.initialCycle, 'STAGE2_DUE:stage1', '2026-11-11', 'DUE_TODAY', 0],
    ]);
  });

  it('filters by deadline type and by organisation', () => {
    const types: DeadlineType[] = ['STAGE2_DUE', 'RECERTIFICATION_AUDIT_DUE'];
    expect(listed({ asOf: d('2026-10-01'), types }).map((row) => row[0])).toEqual([
      GAMMA.initialCycle,
      ACME.certificateId,
    ]);
    expect(
      listed({ asOf: d('2026-10-01'), organisationId: BETA.organisationId }).map((row) => row[1]),
    ).toEqual(['SURVEILLANCE_AUDIT_DUE:1']);
    expect(listed({ asOf: d('2026-10-01'), organisationId: 'org-none' })).toEqual([]);
  });

  it('pages without duplicates or gaps, in due-date order', () => {
    const everything = { asOf: d('2026-06-01'), withinDays: 3660 };
    const all = listed({ ...everything, first: 100 });
    expect(all).toHaveLength(7);
    for (const size of [1, 2, 5]) {
      const seen: unknown[] = [];
      let after: UpcomingDeadlinesInput['after'];
      for (;;) {
        const page = upcomingDeadlines(readSide().db, { ...everything, first: size, after });
        seen.push(
          ...page.items.map(({ node }) => [
            node.aggregateId,
            node.key,
            node.dueDate,
            node.state,
            node.daysRemaining,
          ]),
        );
        if (!page.hasNextPage) break;
        after = page.items.at(-1)?.key;
      }
      expect(seen).toEqual(all);
    }
    const dates = all.map((row) => row[2] as string);
    expect(dates).toEqual([...dates].sort());
  });

  it('reads open deadlines through the due-date indexes', () => {
    const plan = (sql: string) =>
      readSide()
        .db.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all({
          asOf: '2026-01-01',
          end: '2026-04-01',
          limit: 21,
          organisationId: 'x',
          types: '[]',
          afterDue: '2026-01-01',
          afterKey: 'k',
          afterId: 'a',
        })
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
    const shape = { organisation: false, types: true, notOverdue: false, after: true };
    const open = plan(upcomingDeadlinesSql({ ...shape, metLater: false }));
    expect(open).toMatch(
      /SEARCH rm_deadlines USING COVERING INDEX rm_deadlines_open_by_due_date_covering \(.*due_date<\?\)/,
    );
    expect(open).not.toMatch(/TEMP B-TREE/);
    const byOrganisation = plan(
      upcomingDeadlinesSql({ ...shape, organisation: true, metLater: false }),
    );
    expect(byOrganisation).toMatch(/USING INDEX rm_deadlines_open_by_organisation/);
    expect(byOrganisation).not.toMatch(/TEMP B-TREE/);
    expect(plan(upcomingDeadlinesSql({ ...shape, metLater: true }))).toMatch(
      /USING INDEX rm_deadlines_by_met_on \(met_on>\?\)/,
    );
  });

  it('looks ahead up to the last calendar date, not past it', () => {
    expect(listed({ asOf: d('2999-12-31'), withinDays: 3660, includeOverdue: false })).toEqual([]);
    expect(listed({ asOf: d('2999-12-31'), withinDays: 3660 }).length).toBeGreaterThan(0);
    const scanned = [...openDeadlines(readSide().db, d('2999-12-01'), { withinDays: 90 })];
    expect(scanned.length).toBeGreaterThan(0);
  });

  it('refuses a bad window, an unknown type or a foreign page key; caps first at 100', () => {
    const asOf = d('2026-01-01');
    expect(() => upcomingDeadlines(readSide().db, { asOf, withinDays: -1 })).toThrow(
      InvalidDeadlineQueryError,
    );
    expect(() =>
      upcomingDeadlines(readSide().db, { asOf, types: ['SOON' as DeadlineType] }),
    ).toThrow(/unknown deadline type SOON/);
    expect(() => upcomingDeadlines(readSide().db, { asOf, after: ['2026-01-01'] })).toThrow(
      InvalidPageInputError,
    );
    expect(() => upcomingDeadlines(readSide().db, { asOf: '2026-02-30' as typeof asOf })).toThrow(
      /not a calendar date/,
    );
    expect(() =>
      upcomingDeadlines(readSide().db, { asOf, first: 1000, withinDays: 3660 }),
    ).not.toThrow();
  });

  it("lists a certificate's deadlines, its audit cycles' included, with states as of the date", () => {
    const deadlines = certificateDeadlines(readSide().db, BETA.certificateId, d('2027-08-01'));
    expect(deadlines.map((dl) => [dl.aggregateId, dl.key, dl.state, dl.metOn])).toEqual([
      [BETA.initialCycle, 'STAGE2_DUE:stage1', 'MET', '2024-12-11'],
      [BETA.initialCycle, 'SURVEILLANCE_AUDIT_DUE:1', 'OVERDUE', null],
      [BETA.initialCycle, 'SURVEILLANCE_AUDIT_DUE:2', 'OVERDUE', null],
      [BETA.certificateId, 'RECERTIFICATION_AUDIT_DUE:2028-01-09', 'MET', '2027-07-06'],
      [BETA.certificateId, 'CERTIFICATE_EXPIRY:2028-01-09', 'UPCOMING', null],
    ]);
    expect(
      certificateDeadlines(readSide().db, ACME.certificateId, d('2025-06-15')).find(
        (dl) => dl.type === 'SUSPENSION_LIMIT',
      ),
    ).toMatchObject({ dueDate: '2025-12-01', state: 'UPCOMING', metOn: null });
  });

  it('leaves out, as of a date, the deadlines set only later', () => {
    const keysOn = (asOf: string) =>
      certificateDeadlines(readSide().db, ACME.certificateId, d(asOf)).map((dl) => dl.key);
    expect(keysOn('2024-03-19')).toEqual(['NC_RESPONSE_DUE:nc-1', 'STAGE2_DUE:stage1']);
    expect(keysOn('2024-03-20')).toContain('CERTIFICATE_EXPIRY:2027-03-19');
    expect(keysOn('2025-05-31')).not.toContain('SUSPENSION_LIMIT:2025-06-01');
    expect(keysOn('2025-06-01')).toContain('SUSPENSION_LIMIT:2025-06-01');
    expect(keysOn('2027-05-09')).not.toContain('CERTIFICATE_EXPIRY:2030-03-19');
    expect(keysOn('2027-05-10')).toContain('CERTIFICATE_EXPIRY:2030-03-19');
    const upcomingKeys = (asOf: string) =>
      upcomingDeadlines(readSide().db, {
        asOf: d(asOf),
        withinDays: 3660,
        organisationId: ACME.organisationId,
      }).items.map(({ node }) => node.key);
    expect(upcomingKeys('2027-05-09')).not.toContain('CERTIFICATE_EXPIRY:2030-03-19');
    expect(upcomingKeys('2027-05-10')).toContain('CERTIFICATE_EXPIRY:2030-03-19');
  });
});
