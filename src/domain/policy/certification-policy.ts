/** How surveillance audit n of a cycle is scheduled (domain.md §2 Surveillance). */
export type SurveillanceRule =
  /** Due by cycle decision date + 12·n months (default). */
  | 'DECISION_ANNIVERSARY'
  /** Due by 31 December of the calendar year (decision year + n). */
  | 'CALENDAR_YEAR'
  /** [CN] Due 12 months after the previous surveillance's last day (the first: after the decision). */
  | 'PREVIOUS_PLUS_12_MONTHS';

/** How the expiry date follows from the effective date. */
export type ExpiryConvention =
  /** (effective - 1 day) + validity years: 2024-03-20 -> 2027-03-19 (default). */
  | 'DAY_BEFORE_ANNIVERSARY'
  /** effective + validity years: 2024-03-20 -> 2027-03-20. */
  | 'ANNIVERSARY';

export type PolicyProfile = 'ISO_17021' | 'CN_CNCA';

export interface ReadinessChecklistPolicy {
  requireLegalRegistration: boolean;
  /** The management system has operated at least this many months before the application. */
  minimumOperatingMonths: number;
  requireInternalAudit: boolean;
  requireManagementReview: boolean;
  /** No administrative penalty within this many months before the application (0: not checked). */
  penaltyFreeMonths: number;
}

/** Every setting domain.md marks as policy. Events record `profile` and `version`. */
export interface CertificationPolicy {
  profile: PolicyProfile;
  version: number;
  validityYears: number;
  expiryConvention: ExpiryConvention;
  surveillanceRule: SurveillanceRule;
  /** Nonconformity response due: audit last day + this many days. */
  ncResponseDays: number;
  /** Stage 2 due within this many months of stage 1's last day. */
  stage2WindowMonths: number;
  /** [N] Stage-2 major NCs must be verified within this many months of stage 2's last day. */
  majorNcVerificationMonths: number;
  suspensionLimitMonths: number;
  /** Restoration possible within this many months after expiry; 0 = no restoration. */
  restorationWindowMonths: number;
  recertificationLeadDays: number;
  readiness: ReadinessChecklistPolicy;
  /** [N 5.2.7] No certification within this many months after related consultancy. */
  consultancyCoolingOffMonths: number;
  autoSuspendOnMissedSurveillance: boolean;
  /** [CB] Escalate an overdue minor NC to major. */
  escalateOverdueMinor: boolean;
  /** [CN] No new application for this many months after an own-fault suspension/withdrawal. */
  reapplicationBarMonths: number;
  /** Days before a due date at which reminders fire. */
  reminderThresholdDays: readonly number[];
}

const ISO_17021: CertificationPolicy = {
  profile: 'ISO_17021',
  version: 1,
  validityYears: 3,
  expiryConvention: 'DAY_BEFORE_ANNIVERSARY',
  surveillanceRule: 'DECISION_ANNIVERSARY',
  ncResponseDays: 90,
  stage2WindowMonths: 6,
  majorNcVerificationMonths: 6,
  suspensionLimitMonths: 6,
  restorationWindowMonths: 6,
  recertificationLeadDays: 90,
  readiness: {
    requireLegalRegistration: true,
    minimumOperatingMonths: 3,
    requireInternalAudit: true,
    requireManagementReview: true,
    penaltyFreeMonths: 12,
  },
  consultancyCoolingOffMonths: 24,
  autoSuspendOnMissedSurveillance: false,
  escalateOverdueMinor: false,
  reapplicationBarMonths: 0,
  reminderThresholdDays: [90, 60, 30, 7],
};

const CN_CNCA: CertificationPolicy = {
  ...ISO_17021,
  profile: 'CN_CNCA',
  surveillanceRule: 'PREVIOUS_PLUS_12_MONTHS',
  restorationWindowMonths: 0,
  reapplicationBarMonths: 12,
};

export const POLICY_PROFILES: Readonly<Record<PolicyProfile, CertificationPolicy>> = {
  ISO_17021,
  CN_CNCA,
};

export const DEFAULT_POLICY = ISO_17021;
