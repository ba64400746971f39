import type { Config } from '../config';
import { type CertificationPolicy, POLICY_PROFILES } from '../domain';

/**
 * The policy new applications record: the profile's, with `autoSuspendOnMissedSurveillance` and
 * `escalateOverdueMinor` as configured. A certificate keeps the policy recorded at its application.
 */
export const policyFor = ({
  policyProfile,
  autoSuspendOnMissedSurveillance,
  escalateOverdueMinor,
}: Pick<
  Config,
  'policyProfile' | 'autoSuspendOnMissedSurveillance' | 'escalateOverdueMinor'
>): CertificationPolicy => ({
  ...POLICY_PROFILES[policyProfile],
  autoSuspendOnMissedSurveillance,
  escalateOverdueMinor,
});
