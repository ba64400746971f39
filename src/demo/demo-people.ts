import type { OperationContext } from '../application';

/** The CB staff the demo data is recorded by (person ids are the events' actors). */
export const DEMO_PEOPLE = {
  registrar: { actor: 'ops.maria.keller' },
  decisionMakers: [{ actor: 'dm.helen.chen' }, { actor: 'dm.marc.dubois' }],
  auditTeams: [
    { leadAuditorId: 'aud.li.wang', team: ['aud.li.wang', 'aud.james.okoro'] },
    { leadAuditorId: 'aud.sofia.garcia', team: ['aud.sofia.garcia', 'aud.priya.nair'] },
    { leadAuditorId: 'aud.james.okoro', team: ['aud.james.okoro', 'aud.sofia.garcia'] },
  ],
} as const satisfies {
  registrar: OperationContext;
  decisionMakers: readonly OperationContext[];
  auditTeams: readonly { leadAuditorId: string; team: readonly string[] }[];
};
