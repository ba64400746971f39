import type { Certcycle } from '../../src/composition';
import { Role } from '../../src/graphql';
import { temporaryDirectory } from '../eventstore/temp-store';
import { composedApi, dataOf, eventually } from '../graphql/webhooks/support/composed-api';
import { startQuietly, testConfig } from './composed-service';

const FINDINGS =
  'query ($id: ID!) { auditCycle(id: $id) { nonconformities { id grade escalatedOn } } }';

const RAISE = `mutation ($input: RaiseNonconformityInput!) {
  raiseNonconformity(input: $input) { id } }`;

/**
 * A cycle whose stage 2 ended on 2024-08-07 with a minor nonconformity raised that day (response
 * due 2024-11-05) and no corrective-action plan accepted, started again on 2024-11-20 with
 * CERTCYCLE_ESCALATE_OVERDUE_MINOR as given (the same setting when it applied).
 */
const overdueMinor = async (name: string, escalate: string) => {
  const dir = temporaryDirectory(name);
  const lines: string[] = [];
  const start = (at: string) =>
    startQuietly(
      testConfig(dir.path, { CERTCYCLE_NOW: at, CERTCYCLE_ESCALATE_OVERDUE_MINOR: escalate }),
      lines,
    );
  const first: Certcycle = await start('2024-09-01T02:00:00Z');
  await first.ready;
  const api = composedApi(first, name);
  await api.readyForDecision(name);
  dataOf(
    await api.query(Role.AUDITOR, RAISE, {
      input: {
        auditCycleId: `${name}-cycle`,
        auditId: `${name}-cycle-stage2`,
        ncId: 'nc-minor',
        grade: 'MINOR',
        clause: '8.2.3',
        description: 'service level reports not reviewed',
        raisedOn: '2024-08-07',
      },
    }),
  );
  await first.close();
  const later: Certcycle = await start('2024-11-20T02:00:00Z');
  await later.ready;
  await eventually(
    () => lines.find((line) => line.startsWith('certcycle: deadline reminders on 2024-11-20')),
    'the start-up scan',
  );
  const findings = async () =>
    dataOf(await composedApi(later, name).query(Role.VIEWER, FINDINGS, { id: `${name}-cycle` }))
      .auditCycle;
  return { app: later, lines, dir, findings };
};

describe('CERTCYCLE_ESCALATE_OVERDUE_MINOR', () => {
  it('escalates, at the scan, a minor whose response is overdue in a cycle applied for with it on', async () => {
    const { app, lines, dir, findings } = await overdueMinor('org-escalating', '1');
    try {
      expect(lines).toContain(
        'certcycle: escalated minor nonconformity nc-minor of audit cycle org-escalating-cycle to major on 2024-11-20: no corrective-action plan accepted by the response due date',
      );
      expect(await findings()).toEqual({
        nonconformities: [{ id: 'nc-minor', grade: 'MAJOR', escalatedOn: '2024-11-20' }],
      });
    } finally {
      await app.close();
      dir.remove();
    }
  });

  it('leaves it minor when off (the default)', async () => {
    const { app, lines, dir, findings } = await overdueMinor('org-lenient', '');
    try {
      expect(lines.filter((line) => line.includes('escalat'))).toEqual([]);
      expect(await findings()).toEqual({
        nonconformities: [{ id: 'nc-minor', grade: 'MINOR', escalatedOn: null }],
      });
    } finally {
      await app.close();
      dir.remove();
    }
  });
});
