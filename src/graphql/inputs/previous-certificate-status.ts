import type { PreviousCertificateStatus } from '../../domain';
import { graphqlEnum } from '../types';

export const PreviousCertificateStatusEnum = graphqlEnum<PreviousCertificateStatus>(
  'PreviousCertificateStatus',
  ['VALID', 'SUSPENDED', 'WITHDRAWN', 'EXPIRED'],
  'The status of the certificate to transfer at the issuing CB (IAF MD 2).',
);
