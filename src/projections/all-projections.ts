import { auditCyclesProjection } from './audit-cycles';
import { certificateHistoryProjection } from './certificate-history';
import { certificatesProjection } from './certificates';
import { deadlinesProjection } from './deadlines';
import { organisationsProjection } from './organisations';
import type { Projection } from './runner';

/** Every read model, for the runner (the register is written by `certificates`). */
export const allProjections: readonly Projection[] = [
  organisationsProjection,
  certificatesProjection,
  certificateHistoryProjection,
  auditCyclesProjection,
  deadlinesProjection,
];
