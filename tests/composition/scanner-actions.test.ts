import { scannerActions } from '../../src/composition/scanner-actions';
import { calendarDate } from '../../src/domain';
import type { OpenDeadlineView } from '../../src/projections';

const asOf = calendarDate('2024-11-20');

const overdueResponse = (auditCycleId: string, ncId: string): OpenDeadlineView => ({
  certificateId: `${auditCycleId}-certificate`,
  organisationId: 'org-acme',
  auditCycleId,
  type: 'NC_RESPONSE_DUE',
  key: `NC_RESPONSE_DUE:${ncId}`,
  dueDate: calendarDate('2024-11-05'),
  subject: `nonconformity ${ncId}`,
  certificateNumber: null,
  certificateStatus: null,
  version: null,
});

/** A service that records which audit cycles the scan asked to escalate, escalating nothing. */
const givenService = () => {
  const asked: string[] = [];
  return {
    asked,
    service: {
      suspendForMissedSurveillance: () => Promise.resolve(null),
      recordExpiry: () => Promise.resolve(null),
      escalateOverdueMinors: (auditCycleId: string) => {
        asked.push(auditCycleId);
        return Promise.resolve(null);
      },
    },
  };
};

describe('the deadline scan escalating overdue minor nonconformities', () => {
  it('loads no audit cycle whose recorded policy does not escalate them', async () => {
    const { asked, service } = givenService();
    const lines: string[] = [];
    const run = scannerActions(
      service,
      (line) => lines.push(line),
      (id) => id === 'cycle-strict',
    );

    await run(
      [
        overdueResponse('cycle-lenient', 'nc-1'),
        overdueResponse('cycle-strict', 'nc-2'),
        overdueResponse('cycle-lenient', 'nc-3'),
        overdueResponse('cycle-strict', 'nc-4'),
      ],
      asOf,
    );

    expect(asked).toEqual(['cycle-strict']);
    expect(lines).toEqual([]);
  });

  it('asks nothing when no cycle escalates (the setting never on)', async () => {
    const { asked, service } = givenService();
    const run = scannerActions(
      service,
      () => undefined,
      () => false,
    );
    await run([overdueResponse('cycle-1', 'nc-1'), overdueResponse('cycle-2', 'nc-2')], asOf);
    expect(asked).toEqual([]);
  });
});
