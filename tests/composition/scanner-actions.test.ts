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

const overdueSurveillance = (certificateId: string): OpenDeadlineView => ({
  certificateId,
  organisationId: 'org-acme',
  auditCycleId: `${certificateId}-cycle`,
  type: 'SURVEILLANCE_AUDIT_DUE',
  key: 'SURVEILLANCE_AUDIT_DUE:1',
  dueDate: calendarDate('2024-11-05'),
  subject: 'surveillance audit 1',
  certificateNumber: null,
  certificateStatus: 'ACTIVE',
  version: null,
});

/**
 * A service that records which audit cycles the scan asked to escalate and which certificates it
 * asked to suspend, doing neither.
 */
const givenService = () => {
  const asked: string[] = [];
  const suspensionsAsked: string[] = [];
  return {
    asked,
    suspensionsAsked,
    service: {
      suspendForMissedSurveillance: (certificateId: string) => {
        suspensionsAsked.push(certificateId);
        return Promise.resolve(null);
      },
      recordExpiry: () => Promise.resolve(null),
      escalateOverdueMinors: (auditCycleId: string) => {
        asked.push(auditCycleId);
        return Promise.resolve(null);
      },
    },
  };
};

const noPolicy = { suspends: () => false, escalates: () => false };

describe('the deadline scan escalating overdue minor nonconformities', () => {
  it('loads no audit cycle whose recorded policy does not escalate them', async () => {
    const { asked, service } = givenService();
    const lines: string[] = [];
    const run = scannerActions(service, (line) => lines.push(line), {
      ...noPolicy,
      escalates: (id) => id === 'cycle-strict',
    });

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
    const run = scannerActions(service, () => undefined, noPolicy);
    await run([overdueResponse('cycle-1', 'nc-1'), overdueResponse('cycle-2', 'nc-2')], asOf);
    expect(asked).toEqual([]);
  });
});

describe('the deadline scan suspending certificates for a missed surveillance', () => {
  it('loads no certificate whose recorded policy does not suspend it', async () => {
    const { suspensionsAsked, service } = givenService();
    const run = scannerActions(service, () => undefined, {
      ...noPolicy,
      suspends: (id) => id === 'cert-strict',
    });

    await run([overdueSurveillance('cert-lenient'), overdueSurveillance('cert-strict')], asOf);

    expect(suspensionsAsked).toEqual(['cert-strict']);
  });

  it('asks nothing when no certificate suspends (the setting never on)', async () => {
    const { suspensionsAsked, service } = givenService();
    const run = scannerActions(service, () => undefined, noPolicy);
    await run([overdueSurveillance('cert-1'), overdueSurveillance('cert-2')], asOf);
    expect(suspensionsAsked).toEqual([]);
  });
});
