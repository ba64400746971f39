import { DomainError } from '../../domain';

/**
 * A new certificate's id is named by an audit cycle already: the certificate that cycle's grant
 * would issue. Two organisations' applications sharing one would share its history.
 */
export class CertificateIdReservedError extends DomainError {
  override readonly name = 'CertificateIdReservedError';
  constructor(
    readonly certificateId: string,
    readonly auditCycleId: string,
  ) {
    super(
      'CERTIFICATE_ID_RESERVED',
      `certificate id ${certificateId} is already named by audit cycle ${auditCycleId}: give ` +
        'another id, or none to get a generated one',
      'certificateId',
    );
  }
}
