import type { Decider } from '../decider';
import { extendScope, reduceScope } from './change-scope';
import type { CertificateCommand } from './certificate-commands';
import type { CertificateEvent } from './certificate-events';
import { type CertificateState, initialCertificateState } from './certificate-state';
import { evolveCertificate } from './evolve-certificate';
import { expireCertificate } from './expire-certificate';
import { issueCertificate } from './issue-certificate';
import { reinstateCertificate } from './reinstate-certificate';
import { renewCertificate } from './renew-certificate';
import { restoreCertificate } from './restore-certificate';
import { suspendCertificate } from './suspend-certificate';
import { transferCertificateIn } from './transfer-certificate-in';
import { transitionStandardVersion } from './transition-standard-version';
import { withdrawCertificate } from './withdraw-certificate';

export const decideCertificate = (
  command: CertificateCommand,
  state: CertificateState,
): CertificateEvent[] => {
  switch (command.type) {
    case 'IssueCertificate':
      return issueCertificate(command, state);
    case 'TransferCertificateIn':
      return transferCertificateIn(command, state);
    case 'RenewCertificate':
      return renewCertificate(command, state);
    case 'RestoreCertificate':
      return restoreCertificate(command, state);
    case 'ExpireCertificate':
      return expireCertificate(command, state);
    case 'SuspendCertificate':
      return suspendCertificate(command, state);
    case 'ReinstateCertificate':
      return reinstateCertificate(command, state);
    case 'WithdrawCertificate':
      return withdrawCertificate(command, state);
    case 'ExtendScope':
      return extendScope(command, state);
    case 'ReduceScope':
      return reduceScope(command, state);
    case 'TransitionStandardVersion':
      return transitionStandardVersion(command, state);
    default: {
      const exhaustive: never = command;
      throw new Error(`unknown certificate command ${JSON.stringify(exhaustive)}`);
    }
  }
};

/** Stream `certificate-<certificateId>`. */
export const certificateDecider: Decider<CertificateState, CertificateCommand, CertificateEvent> = {
  decide: decideCertificate,
  evolve: evolveCertificate,
  initialState: initialCertificateState,
};

export const certificateStreamName = (certificateId: string): string =>
  `certificate-${certificateId}`;
