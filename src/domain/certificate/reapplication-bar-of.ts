import { latestReapplicationBar, type ReapplicationBar, reapplicationBarredUntil } from '../policy';
import type { CertificateState } from './certificate-state';

/** The [CN] re-application bar that the certificate's own-fault suspensions and withdrawal set last. */
export const reapplicationBarOf = (state: CertificateState): ReapplicationBar | null => {
  if (state.status === 'NOT_ISSUED') return null;
  const { policy, number, withdrawal } = state;
  const bar = (cause: ReapplicationBar['cause'], on: ReapplicationBar['on'], ownFault: boolean) => {
    const until = reapplicationBarredUntil(policy, ownFault, on);
    return until === null ? null : { certificateNumber: number, cause, on, until };
  };
  return latestReapplicationBar([
    ...state.suspensions.map((s) => bar('SUSPENSION', s.suspendedOn, s.ownFault)),
    withdrawal ? bar('WITHDRAWAL', withdrawal.withdrawnOn, withdrawal.ownFault) : null,
  ]);
};
