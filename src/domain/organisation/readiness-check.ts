/** Stable codes of the readiness checklist (domain.md §2 Application, 17021-1 5.2.7). */
export type ReadinessItem =
  | 'LEGAL_REGISTRATION'
  | 'MANAGEMENT_SYSTEM_OPERATING'
  | 'INTERNAL_AUDIT_COMPLETED'
  | 'MANAGEMENT_REVIEW_COMPLETED'
  | 'NO_RECENT_ADMINISTRATIVE_PENALTY'
  | 'CONSULTANCY_COOLING_OFF';

export interface ReadinessCheck {
  item: ReadinessItem;
  met: boolean;
  /** Why, naming the dates; a rule the policy switches off reads `not required by policy`. */
  detail: string;
}

export const NOT_REQUIRED_BY_POLICY = 'not required by policy';

export const unmetReadiness = (checks: readonly ReadinessCheck[]): ReadinessCheck[] =>
  checks.filter((check) => !check.met);
