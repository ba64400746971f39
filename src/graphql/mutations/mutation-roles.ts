import { Role } from '../auth';

/** Registration and organisation records, applications and transfers: the CB's administration. */
export const ADMINISTRATORS = [Role.ADMIN];

/** Application and pre-transfer reviews: administration or a certification decision maker. */
export const REVIEWERS = [Role.ADMIN, Role.DECISION_MAKER];

/** Audits and findings. */
export const AUDITORS = [Role.ADMIN, Role.AUDITOR];

/** Certification decisions, suspension, reinstatement, withdrawal and certificate revisions. */
export const DECISION_MAKERS = [Role.ADMIN, Role.DECISION_MAKER];
